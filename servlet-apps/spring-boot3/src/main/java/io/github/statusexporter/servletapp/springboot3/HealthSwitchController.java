package io.github.statusexporter.servletapp.springboot3;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Takes the payments service down and brings it back, for a test: {@code POST /test/health/down}.
 */
@RestController
@RequestMapping("/test/health")
public class HealthSwitchController {
  private final PaymentsHealthIndicator payments;

  HealthSwitchController(PaymentsHealthIndicator payments) {
    this.payments = payments;
  }

  @PostMapping("/down")
  public String down() {
    payments.set(false);
    return "payments DOWN\n";
  }

  @PostMapping("/up")
  public String up() {
    payments.set(true);
    return "payments UP\n";
  }
}
