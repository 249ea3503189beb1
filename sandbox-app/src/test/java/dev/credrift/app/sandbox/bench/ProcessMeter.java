package dev.credrift.app.sandbox.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * This JVM's CPU, heap and thread starts. The world and credrift share the JVM, so credrift's CPU is estimated as
 * the process's CPU minus that of the threads the world had before credrift started ({@link #worldThreads}) and minus
 * the Kubernetes stand-in's request handling on any other thread (the stand-in measures it per thread).
 */
final class ProcessMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessMeter() {}

    /** CPU nanoseconds of every live thread, by id. */
    static Map<Long, Long> threadCpu() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long nanos = THREADS.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }

    /** CPU the given threads spent between two {@link #threadCpu} snapshots (threads gone by the second: none). */
    static long cpuOf(Set<Long> threads, Map<Long, Long> before, Map<Long, Long> after) {
        long sum = 0;
        for (long id : threads) {
            Long start = before.get(id);
            Long end = after.get(id);
            if (start != null && end != null) {
                sum += end - start;
            }
        }
        return sum;
    }

    static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    static long threadsStarted() {
        return THREADS.getTotalStartedThreadCount();
    }

    /** Heap in use after two full collections, in bytes. */
    static long heapAfterGc() {
        System.gc();
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
