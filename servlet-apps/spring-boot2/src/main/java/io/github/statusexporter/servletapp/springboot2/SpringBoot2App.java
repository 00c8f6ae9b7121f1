package io.github.statusexporter.servletapp.springboot2;

import java.io.IOException;
import java.util.concurrent.Callable;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A plain Spring Boot 2.7 (Spring MVC 5.3, javax, embedded Tomcat 9) application, as a user writes
 * one: controllers with path templates, one that throws, one that answers asynchronously,
 * Actuator's health endpoint, and a filter that refuses {@code /admin/} before any handler is
 * chosen, as Spring Security does.
 */
@SpringBootApplication
@RestController
public class SpringBoot2App {
  public static void main(String[] args) {
    SpringApplication.run(SpringBoot2App.class, args);
  }

  @GetMapping("/hello/{name}")
  public String hello(@PathVariable("name") String name) {
    return "hello " + name + "\n";
  }

  @GetMapping("/fail/{code}")
  public String fail(@PathVariable("code") String code) {
    throw new IllegalStateException("fails on purpose: " + code);
  }

  /**
   * Spring MVC answers from another thread: the request goes asynchronous and is dispatched again.
   */
  @GetMapping("/later/{id}")
  public Callable<String> later(@PathVariable("id") String id) {
    return () -> "later " + id + "\n";
  }

  /** Refuses {@code /admin/...} with 403 before Spring MVC sees it, as a security filter would. */
  @Component
  static class AdminGate extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (request.getRequestURI().startsWith("/admin/")) {
        response.sendError(403);
      } else {
        chain.doFilter(request, response);
      }
    }
  }
}
