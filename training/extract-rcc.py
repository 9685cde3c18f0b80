#!/usr/bin/env python3
"""Extracts files from a Qt resource (.rcc) file, and reads the licence stanzas of GCompris READMEs.

    extract-rcc.py RCC OUT_DIR [SUFFIX ...]   writes every file whose name ends with a SUFFIX (all files
                                              without one) to OUT_DIR, flat, and prints their names
    extract-rcc.py --licences README ...      prints "file<TAB>licence<TAB>copyright<TAB>source" for each
                                              file a README stanza names

GCompris ships its photos inside .rcc files (Qt's resource format: a header, a tree of nodes, a name
table and data blobs, each blob stored plain or zlib-compressed). Only the standard library is used, so
that training/fetch-data.sh needs nothing beyond python3.
"""
import os
import re
import struct
import sys
import zlib

COMPRESSED_ZLIB = 0x01
DIRECTORY = 0x02
COMPRESSED_ZSTD = 0x04


def rcc_entries(path):
    """Yields (name, bytes) for every file in the .rcc at path."""
    with open(path, "rb") as f:
        blob = f.read()
    if blob[:4] != b"qres":
        raise SystemExit(f"extract-rcc.py: {path} is not a Qt resource file (no 'qres' header)")
    version, tree, data, names = struct.unpack(">IIII", blob[4:20])
    node_size = 22 if version >= 2 else 14  # version 2 added an 8-byte modification time

    def name_at(offset):
        length = struct.unpack(">H", blob[names + offset:names + offset + 2])[0]
        start = names + offset + 6  # length, then a 4-byte hash, then UTF-16BE characters
        return blob[start:start + 2 * length].decode("utf-16-be")

    def walk(index, prefix):
        node = tree + index * node_size
        name_offset, flags = struct.unpack(">IH", blob[node:node + 6])
        name = name_at(name_offset) if index else ""
        if flags & DIRECTORY:
            count, first = struct.unpack(">II", blob[node + 6:node + 14])
            for child in range(count):
                yield from walk(first + child, f"{prefix}{name}/" if index else "")
            return
        data_offset = struct.unpack(">I", blob[node + 10:node + 14])[0]
        size = struct.unpack(">I", blob[data + data_offset:data + data_offset + 4])[0]
        content = blob[data + data_offset + 4:data + data_offset + 4 + size]
        if flags & COMPRESSED_ZSTD:
            raise SystemExit(f"extract-rcc.py: {path}: {prefix}{name} is zstd-compressed, which this script cannot read")
        if flags & COMPRESSED_ZLIB:
            content = zlib.decompress(content[4:])  # a 4-byte uncompressed size precedes the zlib stream
        yield prefix + name, content

    yield from walk(0, "")


def extract(rcc, out_dir, suffixes):
    os.makedirs(out_dir, exist_ok=True)
    for name, content in rcc_entries(rcc):
        base = name.rsplit("/", 1)[-1]
        if suffixes and not base.lower().endswith(tuple(s.lower() for s in suffixes)):
            continue
        target = os.path.join(out_dir, base)
        with open(target + ".tmp", "wb") as f:
            f.write(content)
        os.replace(target + ".tmp", target)
        print(base)


def licences(readme):
    """GCompris READMEs are stanzas of 'Field: value' lines separated by blank lines; file names follow
    'Files:' on the same or the next lines."""
    with open(readme, encoding="utf-8", errors="replace") as f:
        text = f.read()
    for stanza in re.split(r"\n\s*\n", text):
        fields = {}
        files = []
        key = None
        for line in stanza.splitlines():
            match = re.match(r"^([A-Za-z-]+):\s*(.*)$", line)
            if match:
                key = match.group(1).lower()
                fields[key] = match.group(2).strip()
                if key == "files":
                    files += match.group(2).split()
            elif key == "files":
                files += line.split()
        for name in files:
            print("\t".join([name.rsplit("/", 1)[-1], fields.get("license", ""), fields.get("copyright", ""), fields.get("source", "")]))


def main(argv):
    if len(argv) >= 2 and argv[0] == "--licences":
        for readme in argv[1:]:
            licences(readme)
        return 0
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    extract(argv[0], argv[1], argv[2:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
