package io.sweeper.exec;

import io.sweeper.store.ProcessSeen;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process as the store knows it: its name, {@code host:pid:}, which prefixes its workers'
 * names, and its pid scope, where its pid means this process: the host name and, on Linux, the
 * pid namespace. Containers sharing a host name (host networking) have different pid namespaces,
 * so a process never judges another's pid unless both see the same pids.
 */
record LocalProcess(String name, String pidScope) {
    static LocalProcess current() {
        String host = hostName();
        return new LocalProcess(host + ":" + ProcessHandle.current().pid() + ":", host + " " + pidNamespace());
    }

    /**
     * Whether {@code other} is known to be gone: a process that shares this one's pid scope and
     * whose pid is not running. A pid reused since counts as running, and a process elsewhere as
     * unknown: their trials wait for their leases.
     */
    boolean knowsIsDead(ProcessSeen other) {
        if (!other.pidScope().equals(pidScope) || other.process().equals(name)) {
            return false;
        }
        String[] parts = other.process().split(":");
        try {
            long pid = Long.parseLong(parts[parts.length - 1]);
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false; // not a name this code wrote
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Linux's {@code pid:[4026531836]}; empty where there is no /proc (the host name then stands alone). */
    private static String pidNamespace() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }
}
