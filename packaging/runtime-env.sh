# The environment Toonsmith's JVM must start with, sourced (POSIX sh) by ./toonsmith and by the installed app's
# `toonsmith` command. It is set here, before the process starts, because glibc reads its tunables when a process
# starts: no Java option or launcher configuration can set them.

# libtorch allocates and frees large tensors on every inference; transparent huge pages for glibc's malloc
# cut the page-fault cost of that by a third or more at 1-2 megapixels (measured, see docs/PERFORMANCE.md).
GLIBC_TUNABLES="${GLIBC_TUNABLES:+$GLIBC_TUNABLES:}glibc.malloc.hugetlb=1"
export GLIBC_TUNABLES
# libtorch prints a deprecation notice on every start otherwise.
TORCH_CPP_LOG_LEVEL="${TORCH_CPP_LOG_LEVEL:-ERROR}"
export TORCH_CPP_LOG_LEVEL
