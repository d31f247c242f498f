package nl.verbeterhub.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OwnershipTests {

    static final String AGB = "06019999";

    @Test
    void aHospitalIsOwnedWithItsPartitionOnly() {
        Ownership ownership = new Ownership(6);
        int partition = HospitalPartitioner.partitionOf(AGB, 6);
        assertThat(ownership.partitionOf(AGB)).isEqualTo(partition);
        assertThat(ownership.owns(AGB)).isFalse();
        assertThat(ownership.whileOwning(AGB, () -> "published", "elsewhere")).isEqualTo("elsewhere");

        ownership.acquired(Set.of(partition));
        assertThat(ownership.owns(AGB)).isTrue();
        assertThat(ownership.whileOwning(AGB, () -> "published", "elsewhere")).isEqualTo("published");
        assertThat(ownership.owned()).containsExactly(partition);
    }

    @Test
    void aRevocationWaitsForWorkUnderWayAndNoWorkStartsAfterIt() throws Exception {
        Ownership ownership = new Ownership(6);
        int partition = ownership.partitionOf(AGB);
        ownership.acquired(Set.of(partition));
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> work = CompletableFuture.supplyAsync(() -> ownership.whileOwning(AGB, () -> {
            working.countDown();
            try {
                finish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "published";
        }, "elsewhere"));
        assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> revocation = CompletableFuture.runAsync(() -> ownership.revoke(Set.of(partition)));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !revocation.isDone());
        assertThat(ownership.owns(AGB)).as("still owned while the work runs").isTrue();

        finish.countDown();
        revocation.get(10, TimeUnit.SECONDS);
        assertThat(work.get(10, TimeUnit.SECONDS)).isEqualTo("published");
        assertThat(ownership.owns(AGB)).isFalse();
        assertThat(ownership.whileOwning(AGB, () -> "published", "elsewhere")).isEqualTo("elsewhere");
    }
}
