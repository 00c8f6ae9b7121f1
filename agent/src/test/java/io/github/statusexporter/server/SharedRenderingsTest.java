package io.github.statusexporter.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A rendering shared by two scrapes keeps its buffer until both have sent it. */
class SharedRenderingsTest {
  private final SharedRenderings renderings = new SharedRenderings();
  private final AnswerBuffers buffers = new AnswerBuffers();

  @Test
  void aSharedAnswersBufferIsGivenBackOnlyOnceEveryScrapeSentIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Answer> first =
        CompletableFuture.supplyAsync(
            () ->
                render(
                    () -> {
                      await(release);
                      return new Answer(buffers, 100);
                    }));
    Thread.sleep(300); // the first holds the turn
    CompletableFuture<Answer> second =
        CompletableFuture.supplyAsync(() -> render(() -> new Answer(buffers, 100)));
    CompletableFuture<Answer> third =
        CompletableFuture.supplyAsync(() -> render(() -> new Answer(buffers, 100)));
    Thread.sleep(300); // both wait for the next turn: one renders it for the two
    release.countDown();

    first.get(10, TimeUnit.SECONDS).sent();
    Answer shared = second.get(10, TimeUnit.SECONDS);
    assertThat(third.get(10, TimeUnit.SECONDS)).isSameAs(shared);
    shared.sent();
    assertThat(buffers.take(100)).isNotSameAs(shared.buffer()); // the third still sends it
    shared.sent();
    assertThat(buffers.take(100)).isSameAs(shared.buffer());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Answer render(SharedRenderings.Renderer renderer) {
    try {
      return renderings.render("key", renderer);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
