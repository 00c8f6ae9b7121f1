package io.github.statusexporter.jmxrules;

import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularType;

/**
 * Takes an attribute's value apart as jmx_exporter 1.0.1's {@code processBeanValue} does: numbers,
 * strings and booleans go to the rules; a date as seconds; composites item by item, in their keys'
 * order; tables row by row, their index as properties; an {@code Optional}'s content; an enum's
 * name; arrays and nulls nothing. A value of any other type is reported, so that it is not read
 * again.
 */
final class ValueWalk {
  /** Where the simple values go. */
  interface Sink {
    void value(ValueNode node, Object value);

    /** A value of a type that cannot become a sample, at this node. */
    void unsupported(ValueNode node);
  }

  private final Sink sink;
  private final int generation;

  ValueWalk(Sink sink, int generation) {
    this.sink = sink;
    this.generation = generation;
  }

  void walk(ValueNode node, Object value) {
    node.generation = generation;
    if (value == null) {
      return;
    }
    if (value instanceof Number || value instanceof String || value instanceof Boolean) {
      sink.value(node, value);
    } else if (value instanceof Date) {
      sink.value(node, ((Date) value).getTime() / 1000.0);
    } else if (value instanceof CompositeData) {
      CompositeData composite = (CompositeData) value;
      CompositeType type = composite.getCompositeType();
      for (String key : type.keySet()) {
        walk(node.item(key, type.getDescription()), composite.get(key));
      }
      if (node.childCount() > type.keySet().size()) {
        node.forgetChildrenNotSeenIn(generation); // items of composites with changing keys
      }
    } else if (value instanceof TabularData) {
      table(node, (TabularData) value);
    } else if (value.getClass().isArray()) {
      return;
    } else if (value instanceof Optional) {
      Optional<?> optional = (Optional<?>) value;
      if (optional.isPresent()) {
        walk(node, optional.get());
      }
    } else if (value.getClass().isEnum()) {
      walk(node, value.toString());
    } else {
      sink.unsupported(node);
    }
  }

  private void table(ValueNode table, TabularData data) {
    TabularType type = data.getTabularType();
    List<String> indexNames = type.getIndexNames();
    CompositeType rowType = type.getRowType();
    Set<String> columns = new TreeSet<>(rowType.keySet());
    columns.removeAll(indexNames);
    for (Object row : data.values()) {
      if (!(row instanceof CompositeData)) {
        continue;
      }
      CompositeData cells = (CompositeData) row;
      // An array, which has no equality of its own: the row is found again by its values.
      List<Object> index = Arrays.asList(data.calculateIndex(cells));
      ValueNode rowNode = table.knownRow(index);
      if (rowNode == null) {
        rowNode = table.row(index, rowProperties(table.properties, indexNames, cells));
      }
      rowNode.generation = generation;
      for (String column : columns) {
        walk(rowNode.cell(column, table, rowType.getDescription()), cells.get(column));
      }
    }
    if (table.childCount() > data.size()) {
      table.forgetChildrenNotSeenIn(generation);
    }
  }

  /** The bean's properties, then each index cell's, renamed with {@code _} while taken. */
  private static LinkedHashMap<String, String> rowProperties(
      Map<String, String> beanProperties, List<String> indexNames, CompositeData cells) {
    LinkedHashMap<String, String> properties = new LinkedHashMap<>(beanProperties);
    for (String indexName : indexNames) {
      Object cell = cells.get(indexName);
      if (cell == null) {
        continue;
      }
      String name = indexName;
      while (properties.containsKey(name)) {
        name = name + "_";
      }
      if (cell instanceof CompositeData) {
        CompositeData key = (CompositeData) cell;
        for (String item : key.getCompositeType().keySet()) {
          properties.put(name + "_" + item, String.valueOf(key.get(item)));
        }
      } else {
        properties.put(name, cell.toString());
      }
    }
    return properties;
  }
}
