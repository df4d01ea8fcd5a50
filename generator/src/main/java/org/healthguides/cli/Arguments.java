package org.healthguides.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.healthguides.diagnostics.Suggestions;

/** The options of one command: {@code --name value}, {@code --name=value} and flags, checked against what it accepts. */
final class Arguments {
    private final Map<String, String> values = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    Arguments(List<String> args, Set<String> valueOptions, Set<String> flags) throws UsageError {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (flags.contains(name) && value == null) {
                values.put(name, "true");
            } else if (valueOptions.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageError(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                values.put(name, value);
            } else if (flags.contains(name)) {
                throw new UsageError(name + " takes no value");
            } else {
                Set<String> known = new java.util.TreeSet<>(valueOptions);
                known.addAll(flags);
                throw new UsageError("unknown option " + name + Suggestions.closest(name, known).map(s -> " — did you mean " + s + "?").orElse(""));
            }
        }
    }

    String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    List<String> positional() {
        return positional;
    }
}
