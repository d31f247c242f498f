package nl.verbeterhub.health;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import nl.verbeterhub.kafka.KafkaClients;
import nl.verbeterhub.kafka.KafkaEndpoints;
import nl.verbeterhub.kafka.KafkaSecurity;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.AuthenticationException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN when a Kafka cluster the hub writes to does not answer within two seconds, or refuses the hub's login. */
@Component("kafka")
public class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Set<String> clusters = new LinkedHashSet<>();
    private final java.util.Map<String, Admin> admins = new java.util.concurrent.ConcurrentHashMap<>();
    private final KafkaSecurity security;

    public KafkaHealthIndicator(KafkaEndpoints endpoints) {
        security = endpoints.security();
        clusters.add(endpoints.intake());
        clusters.add(endpoints.internal());
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (String cluster : clusters) {
            try {
                int nodes = admin(cluster).describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                        .nodes().get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS).size();
                health.withDetail(cluster, nodes + " broker(s) reachable");
            } catch (Exception e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                // A refused login (wrong password, untrusted certificate) is no network fault: say which it is.
                String what = cause instanceof AuthenticationException ? "authentication failed" : "unreachable";
                health.down().withDetail(cluster, what + " (" + cause.getClass().getSimpleName() + ")");
            }
        }
        return health.build();
    }

    private Admin admin(String cluster) {
        return admins.computeIfAbsent(cluster, c -> {
            Properties p = KafkaClients.admin(c, security);
            p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
            p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
            return Admin.create(p);
        });
    }

    @Override
    public void destroy() {
        admins.values().forEach(a -> a.close(Duration.ofSeconds(1)));
    }
}
