package io.github.statusexporter.servletapp.springboot3undertow;

import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A plain Spring Boot 3 (Spring MVC 6) application on Boot's Undertow starter instead of its
 * default Tomcat, as a user writes one: a controller with a path template, one that throws, one
 * that answers asynchronously, and Actuator's health endpoint.
 */
@SpringBootApplication
@RestController
public class SpringBoot3UndertowApp {
  public static void main(String[] args) {
    SpringApplication.run(SpringBoot3UndertowApp.class, args);
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
}
