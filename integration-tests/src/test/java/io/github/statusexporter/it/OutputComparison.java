package io.github.statusexporter.it;

import io.github.statusexporter.it.ExpositionText.Family;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Two exporters' outputs for the same MBeans compared as a dashboard would see them: the same
 * series (name and labels), the same TYPE and HELP per family, the same values. Each is scraped
 * twice, alternately (theirs, ours, theirs, ours), so that what changes on its own (memory used,
 * uptime) is told apart: a series whose value is the same in both scrapes of each must have the
 * same value in both outputs; a series in both of theirs must be in one of ours at least, and one
 * in both of ours in one of theirs. Values that depend on who reads them, such as the reading
 * thread's CPU time, are left out by {@code readerDependent}.
 */
final class OutputComparison {
  /** Differences shown per kind in a failure's message; the count says how many there were. */
  private static final int SHOWN = 25;

  private final ExpositionText theirs;
  private final ExpositionText ours;
  private final ExpositionText theirsAgain;
  private final ExpositionText oursAgain;
  private final Predicate<String> readerDependent;

  OutputComparison(
      ExpositionText theirs,
      ExpositionText ours,
      ExpositionText theirsAgain,
      ExpositionText oursAgain,
      Predicate<String> readerDependent) {
    this.theirs = theirs;
    this.ours = ours;
    this.theirsAgain = theirsAgain;
    this.oursAgain = oursAgain;
    this.readerDependent = readerDependent;
  }

  /** Every difference, one line each, grouped by kind; empty when the outputs agree. */
  List<String> differences() {
    List<String> onlyTheirs = new ArrayList<>();
    List<String> onlyOurs = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<String> helps = new ArrayList<>();
    List<String> values = new ArrayList<>();
    Set<String> names = new TreeSet<>(theirs.families().keySet());
    names.addAll(theirsAgain.families().keySet());
    names.addAll(ours.families().keySet());
    names.addAll(oursAgain.families().keySet());
    for (String name : names) {
      Family their = theirs.family(name);
      Family our = ours.family(name);
      // jmx_exporter takes a family's help and type from its first series, in an order of its
      // MBeans that it does not fix: either of its scrapes will do.
      if (our != null && their != null) {
        Family theirAgain = Objects.requireNonNullElse(theirsAgain.family(name), their);
        if (!our.type().equals(their.type()) && !our.type().equals(theirAgain.type())) {
          types.add(name + ": theirs " + their.type() + ", ours " + our.type());
        }
        if (!Objects.equals(our.help(), their.help())
            && !Objects.equals(our.help(), theirAgain.help())) {
          helps.add(name + ":\n      theirs " + their.help() + "\n      ours   " + our.help());
        }
      }
      Map<String, Double> theirs1 = series(their);
      Map<String, Double> theirs2 = series(theirsAgain.family(name));
      Map<String, Double> ours1 = series(our);
      Map<String, Double> ours2 = series(oursAgain.family(name));
      Set<String> keys = new TreeSet<>(theirs1.keySet());
      keys.addAll(theirs2.keySet());
      keys.addAll(ours1.keySet());
      keys.addAll(ours2.keySet());
      for (String key : keys) {
        Double t1 = theirs1.get(key);
        Double t2 = theirs2.get(key);
        Double o1 = ours1.get(key);
        Double o2 = ours2.get(key);
        if (t1 != null && t2 != null && o1 == null && o2 == null) {
          onlyTheirs.add(key + " " + t1);
        } else if (o1 != null && o2 != null && t1 == null && t2 == null) {
          onlyOurs.add(key + " " + o1);
        } else if (t1 != null
            && o1 != null
            && Objects.equals(t1, t2)
            && Objects.equals(o1, o2)
            && Double.compare(t1, o1) != 0
            && !readerDependent.test(key)) {
          values.add(key + ": theirs " + t1 + ", ours " + o1);
        }
      }
    }
    List<String> differences = new ArrayList<>();
    section(differences, "series only in jmx_exporter's output", onlyTheirs);
    section(differences, "series only in ours", onlyOurs);
    section(differences, "families of another TYPE", types);
    section(differences, "families with another HELP", helps);
    section(differences, "series with another value (stable in both)", values);
    return differences;
  }

  /** Fails with every difference, readably, unless there is none. */
  void assertSame() {
    List<String> differences = differences();
    if (!differences.isEmpty()) {
      throw new AssertionError(
          "jmx_exporter's output and ours differ:\n" + String.join("\n", differences));
    }
  }

  private static Map<String, Double> series(Family family) {
    return family == null ? Map.of() : family.series();
  }

  private static void section(List<String> out, String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    out.add(
        title + " (" + lines.size() + (lines.size() > SHOWN ? ", the first " + SHOWN : "") + "):");
    lines.stream().limit(SHOWN).forEach(line -> out.add("    " + line));
  }
}
