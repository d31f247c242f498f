package nl.verbeterhub.ops;

/**
 * What an operator must know first about a connector, in the order the console lists them: DOWN (its
 * route stopped: the hub's health is DOWN), LATE (its expected extract did not arrive), RETRYING (a
 * retriable failure, waiting), PAUSED (by an operator), ELSEWHERE (another hub instance serves its hospital
 * now: its routes run there), OK. LATE, PAUSED and ELSEWHERE leave the hub UP (§8).
 */
public enum ConnectorState {
    DOWN, LATE, RETRYING, PAUSED, ELSEWHERE, OK
}
