package nl.verbeterhub.theme;

import static org.assertj.core.api.Assertions.assertThat;

import nl.verbeterhub.record.Checks;
import nl.verbeterhub.theme.Windows.Status;
import org.junit.jupiter.api.Test;

/** themes.md §0.3: minutes round toward −∞, and an absent event is judged against the data, not the clock. */
class WindowsTests {

    @Test
    void minutesRoundTowardMinusInfinity() {
        assertThat(Windows.minutes(1000, 970)).isEqualTo(-1);
        assertThat(Windows.minutes(1000, 1059)).isZero();
        assertThat(Windows.clamped(1000, 970)).isZero();
    }

    @Test
    void anEventOnTheBoundaryIsOnTimeAndOneMinuteLaterIsLate() {
        assertThat(Windows.status(0, 60 * 60 + 59, 60, 0)).isEqualTo(Status.ON_TIME);
        assertThat(Windows.status(0, 61 * 60, 60, 0)).isEqualTo(Status.LATE);
        assertThat(Windows.status(0, -3600, 60, 0)).as("before its start").isEqualTo(Status.ON_TIME);
    }

    @Test
    void anAbsentEventIsPendingUntilTheObservedDataHasPassedTheWindow() {
        assertThat(Windows.status(0, Checks.ABSENT, 60, 60 * 60)).isEqualTo(Status.PENDING);
        assertThat(Windows.status(0, Checks.ABSENT, 60, 61 * 60)).isEqualTo(Status.LATE);
        assertThat(Windows.status(10_000, Checks.ABSENT, 60, 0)).as("a window starting after observedUntil").isEqualTo(Status.PENDING);
    }

    @Test
    void aShareCountsOnTimeOverOnTimeAndLateAndNullWhenNotDelivered() {
        Windows.Share share = new Windows.Share();
        share.add(Status.ON_TIME);
        share.add(Status.LATE);
        share.add(Status.PENDING);
        var node = nl.verbeterhub.json.HubJson.MAPPER.createObjectNode();
        share.write(node, "s", "/indicators/s", new Suppression(1), true);
        share.write(node, "n", "/indicators/n", new Suppression(1), false);
        assertThat(node.get("s").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(node.get("n").isNull()).isTrue();
    }
}
