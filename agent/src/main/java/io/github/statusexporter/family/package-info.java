/**
 * Metric families the agent keeps itself, read exactly as client_java's {@code Counter}, {@code
 * Gauge} and {@code Info} of the same name, help, unit and labels. Not client_java's metric
 * classes: each reads its settings at construction from {@code PrometheusProperties}, whose loader
 * alone is ~1 MB of garbage and, with the metric classes, ~50 classes loaded as the application
 * starts (docs/performance.md, issue 22). Depends on client_java's model only.
 */
package io.github.statusexporter.family;
