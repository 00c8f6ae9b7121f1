package io.github.statusexporter.config.options;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.mappingfile.MBeanSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Gathers the options from agent arguments, system properties and environment variables, in that
 * order of precedence, and names each unknown one. Runs on premain: no lambdas.
 */
final class OptionSettings {
  private final List<String> problems;

  OptionSettings(List<String> problems) {
    this.problems = problems;
  }

  /** The options set in the three places; problems with their names go to the list. */
  Map<Option, Setting> collect(
      String agentArguments, Properties systemProperties, Map<String, String> environment)
      throws ConfigException {
    // Not an EnumMap: it asks for the constants reflectively, which bootstraps method handles.
    Map<Option, Setting> settings = new HashMap<>();
    for (Map.Entry<String, String> env : environment.entrySet()) {
      if (env.getKey().startsWith(Option.ENV_PREFIX)
          && !isKubernetesServiceLink(env.getKey(), env.getValue())) {
        put(
            settings,
            optionNamed(env.getKey(), Naming.ENVIRONMENT),
            env.getValue(),
            "environment variable " + env.getKey());
      }
    }
    for (String name : systemProperties.stringPropertyNames()) {
      if (name.startsWith(Option.PROPERTY_PREFIX)) {
        put(
            settings,
            optionNamed(name, Naming.SYSTEM_PROPERTY),
            systemProperties.getProperty(name),
            "system property " + name);
      }
    }
    Map<String, String> arguments = AgentArguments.parse(agentArguments);
    boolean unknownArgument = false;
    for (Map.Entry<String, String> argument : arguments.entrySet()) {
      Option option = optionNamed(argument.getKey(), Naming.AGENT_ARGUMENT);
      unknownArgument |= option == null;
      put(settings, option, argument.getValue(), "agent argument " + argument.getKey());
    }
    String source = arguments.get(Option.SOURCE.key());
    if (unknownArgument && source != null && source.startsWith(MBeanSource.OPTION_PREFIX)) {
      // source=mbean:Catalina:type=Manager,context=/examples: the name's commas split it.
      problems.add(
          "an MBean name's commas split the agent argument: give the name where commas need no"
              + " quotes, as the system property -D"
              + Option.SOURCE.propertyName()
              + "=mbean:... or the environment variable "
              + Option.SOURCE.envName()
              + ", or in double quotes the shell keeps (source=\"mbean:...\")");
    }
    return settings;
  }

  /**
   * Kubernetes gives every pod variables for each service of its namespace, named after the
   * service: a service called status-exporter brings STATUS_EXPORTER_SERVICE_HOST,
   * STATUS_EXPORTER_PORT=tcp://10.0.0.1:9877 and the like. They are not the agent's options.
   */
  static boolean isKubernetesServiceLink(String name, String value) {
    String rest = name.substring(Option.ENV_PREFIX.length());
    return rest.equals("SERVICE_HOST")
        || rest.startsWith("SERVICE_PORT")
        || isPortLinkVariable(rest)
        || (rest.equals("PORT")
            && value != null
            && (value.startsWith("tcp://")
                || value.startsWith("udp://")
                || value.startsWith("sctp://")));
  }

  /** PORT_9877_TCP, PORT_9877_TCP_PROTO, _PORT, _ADDR. Plain string work: this runs on premain. */
  private static boolean isPortLinkVariable(String name) {
    if (!name.startsWith("PORT_")) {
      return false;
    }
    int i = "PORT_".length();
    int digits = i;
    while (i < name.length() && Character.isDigit(name.charAt(i))) {
      i++;
    }
    if (i == digits || i == name.length() || name.charAt(i) != '_') {
      return false;
    }
    String rest = name.substring(i + 1);
    for (String protocol : new String[] {"TCP", "UDP", "SCTP"}) {
      if (rest.equals(protocol)
          || rest.equals(protocol + "_PROTO")
          || rest.equals(protocol + "_PORT")
          || rest.equals(protocol + "_ADDR")) {
        return true;
      }
    }
    return false;
  }

  /** How an option is spelled where it is set. No lambdas: this runs before main. */
  private enum Naming {
    AGENT_ARGUMENT,
    SYSTEM_PROPERTY,
    ENVIRONMENT;

    String of(Option option) {
      switch (this) {
        case SYSTEM_PROPERTY:
          return option.propertyName();
        case ENVIRONMENT:
          return option.envName();
        default:
          return option.key();
      }
    }
  }

  private Option optionNamed(String name, Naming naming) {
    for (Option option : Option.values()) {
      if (naming.of(option).equals(name)) {
        return option;
      }
    }
    problems.add("unknown option '" + name + "' (known options: " + Option.knownKeys() + ")");
    return null;
  }

  private static void put(
      Map<Option, Setting> settings, Option option, String value, String origin) {
    if (option != null) {
      settings.put(option, new Setting(value, origin));
    }
  }
}
