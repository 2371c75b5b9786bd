import Metrics
import Prometheus

/// The process's one Prometheus registry. `MetricsSystem.bootstrap` may run once per process, so it
/// happens in this lazily initialised constant (Swift runs it exactly once, thread-safely): reloads and
/// every later caller share the same registry.
public enum ProcessMetrics {
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// Bootstraps the metrics system if nothing has yet; call before the pipeline makes its timers.
    public static func bootstrap() { _ = registry }
}
