package io.github.statusexporter.jmxrules;

import java.util.List;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * An MBean with whatever attribute names a test needs, spaces and line breaks included (a getter
 * cannot be named so), each of value 1. For the names jmx_exporter derives from attribute names.
 */
public final class AttributeNamesBean implements DynamicMBean {
  private final List<String> names;

  AttributeNamesBean(List<String> names) {
    this.names = names;
  }

  static void register(MBeanServer server, String objectName, List<String> names) throws Exception {
    server.registerMBean(new AttributeNamesBean(names), new ObjectName(objectName));
  }

  @Override
  public Object getAttribute(String attribute) {
    return 1;
  }

  @Override
  public AttributeList getAttributes(String[] attributes) {
    AttributeList values = new AttributeList();
    for (String attribute : attributes) {
      values.add(new Attribute(attribute, 1));
    }
    return values;
  }

  @Override
  public MBeanInfo getMBeanInfo() {
    MBeanAttributeInfo[] attributes = new MBeanAttributeInfo[names.size()];
    for (int i = 0; i < attributes.length; i++) {
      attributes[i] = new MBeanAttributeInfo(names.get(i), "int", names.get(i), true, false, false);
    }
    return new MBeanInfo(getClass().getName(), "attribute names", attributes, null, null, null);
  }

  @Override
  public void setAttribute(Attribute attribute) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public AttributeList setAttributes(AttributeList attributes) {
    return new AttributeList();
  }

  @Override
  public Object invoke(String actionName, Object[] params, String[] signature) {
    throw new UnsupportedOperationException("no operations");
  }
}
