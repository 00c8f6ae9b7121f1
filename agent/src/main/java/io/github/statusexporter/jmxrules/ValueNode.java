package io.github.statusexporter.jmxrules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A place in an MBean attribute's value (the attribute itself, an item of a composite, a cell of a
 * table row), kept across scrapes with the {@link Leaf} that its simple values go to. Composite
 * items and table rows are found again by key, so a scrape builds no names.
 */
final class ValueNode {
  final String domain;
  final LinkedHashMap<String, String> properties;
  final List<String> attrKeys;
  final String attrName;
  final String description;

  private Leaf leaf;
  private Map<Object, ValueNode> children;

  /** A simple value that no rule can match: its attribute is no longer read. */
  boolean unused;

  /** The scrape that last reached this node: table rows not seen again are let go. */
  int generation;

  ValueNode(
      String domain,
      LinkedHashMap<String, String> properties,
      List<String> attrKeys,
      String attrName,
      String description) {
    this.domain = domain;
    this.properties = properties;
    this.attrKeys = attrKeys;
    this.attrName = attrName;
    this.description = description;
  }

  /**
   * Whether every rule was found not to match this simple value, for any value of its kind: a
   * number, or a boolean, as it was when last read.
   */
  boolean neverExported() {
    return leaf != null && leaf.neverMatches();
  }

  Leaf leaf(int rules) {
    if (leaf == null) {
      leaf = new Leaf(domain, properties, attrKeys, attrName, description, rules);
    }
    return leaf;
  }

  /** An item of this node's composite value: the keys gain this node's name. */
  ValueNode item(String key, String compositeDescription) {
    ValueNode child = children().get(key);
    if (child == null) {
      child = new ValueNode(domain, properties, withMyName(), key, compositeDescription);
      children.put(key, child);
    }
    return child;
  }

  /** A row of this node's table, by its index; its properties gain the index's values. */
  ValueNode row(Object index, LinkedHashMap<String, String> rowProperties) {
    ValueNode child = children().get(index);
    if (child == null) {
      child = new ValueNode(domain, rowProperties, attrKeys, attrName, description);
      children.put(index, child);
    }
    return child;
  }

  /** Whether a row with this index is known already (its properties need not be built). */
  ValueNode knownRow(Object index) {
    return children == null ? null : children.get(index);
  }

  /**
   * A cell of this row: a column named {@code value} stands for the table itself (jmx_exporter's
   * rule); any other column is named by the table's name and its own.
   */
  ValueNode cell(String column, ValueNode table, String rowDescription) {
    ValueNode child = children().get(column);
    if (child == null) {
      child =
          column.equalsIgnoreCase("value")
              ? new ValueNode(domain, properties, table.attrKeys, table.attrName, rowDescription)
              : new ValueNode(domain, properties, table.withMyName(), column, rowDescription);
      children.put(column, child);
    }
    return child;
  }

  /** Lets go of the rows or items that the scrape {@code generation} did not see. */
  void forgetChildrenNotSeenIn(int generation) {
    if (children != null) {
      children.values().removeIf(row -> row.generation != generation);
    }
  }

  int childCount() {
    return children == null ? 0 : children.size();
  }

  private Map<Object, ValueNode> children() {
    if (children == null) {
      children = new HashMap<>();
    }
    return children;
  }

  private List<String> withMyName() {
    List<String> keys = new ArrayList<>(attrKeys);
    keys.add(attrName);
    return Collections.unmodifiableList(keys);
  }
}
