package dev.toonsmith.app.studio.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.studio.UiQueue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Latest-wins: a newer request cancels the older one, which never reports back. */
class LaneTest {

    @Test
    void aNewerRequestInterruptsTheOlderAndOnlyTheNewestIsDelivered() throws Exception {
        try (UiQueue ui = new UiQueue(); BackgroundTasks tasks = new BackgroundTasks(ui)) {
            Lane lane = tasks.lane("test");
            List<String> delivered = new CopyOnWriteArrayList<>();
            CountDownLatch firstStarted = new CountDownLatch(1);
            CountDownLatch firstInterrupted = new CountDownLatch(1);
            lane.submit(null, (request, progress) -> {
                firstStarted.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    firstInterrupted.countDown();
                    throw e;
                }
                return "first";
            }, delivered::add, e -> delivered.add("failure " + e));
            assertTrue(firstStarted.await(10, TimeUnit.SECONDS));

            lane.submit(null, (request, progress) -> "second", delivered::add, e -> delivered.add("failure " + e));

            assertTrue(firstInterrupted.await(10, TimeUnit.SECONDS), "the older request was not interrupted");
            ui.settle(tasks);
            assertEquals(List.of("second"), delivered);
        }
    }

    @Test
    void aRequestThatFinishesAfterANewerOneStartedIsDropped() throws Exception {
        try (UiQueue ui = new UiQueue(); BackgroundTasks tasks = new BackgroundTasks(ui)) {
            Lane lane = tasks.lane("test");
            List<String> delivered = new CopyOnWriteArrayList<>();
            CountDownLatch release = new CountDownLatch(1);
            lane.submit(null, (request, progress) -> {
                // Ignores interruption, like a generator pass in the middle of a layer.
                while (true) {
                    try {
                        if (release.await(10, TimeUnit.SECONDS)) {
                            return "stale";
                        }
                    } catch (InterruptedException e) {
                        // keep going
                    }
                }
            }, delivered::add, e -> delivered.add("failure"));
            lane.submit(null, (request, progress) -> "fresh", delivered::add, e -> delivered.add("failure"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (delivered.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            release.countDown();
            ui.settle(tasks);
            assertEquals(List.of("fresh"), delivered);
        }
    }

    @Test
    void jobsShowWhileTheyRunWithTheirProgress() throws Exception {
        try (UiQueue ui = new UiQueue(); BackgroundTasks tasks = new BackgroundTasks(ui)) {
            CountDownLatch reported = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            tasks.submit("Rendering", progress -> {
                progress.update(0.5);
                reported.countDown();
                finish.await();
                return null;
            }, r -> { }, e -> { });
            assertTrue(reported.await(10, TimeUnit.SECONDS));
            ui.run(() -> { });
            ui.run(() -> {
                assertEquals(1, tasks.jobs().size());
                assertEquals("Rendering", tasks.jobs().get(0).name());
                assertEquals(0.5, tasks.jobs().get(0).progressProperty().get());
            });
            finish.countDown();
            ui.settle(tasks);
            ui.run(() -> assertTrue(tasks.jobs().isEmpty()));
        }
    }

    @Test
    void requestsCancelledBeforeTheyStartLeaveNoJobOrWorkBehind() throws Exception {
        try (UiQueue ui = new UiQueue(); BackgroundTasks tasks = new BackgroundTasks(ui)) {
            Lane lane = tasks.lane("drag");
            List<Integer> delivered = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 500; i++) {
                int position = i;
                lane.submit("Rendering", (request, progress) -> position, delivered::add, e -> { });
            }
            ui.settle(tasks);
            // A request may report back while it is still the newest; what the user ends up seeing is the last.
            assertEquals(499, delivered.get(delivered.size() - 1));
            ui.run(() -> assertTrue(tasks.jobs().isEmpty()));
        }
    }
}
