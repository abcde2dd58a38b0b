// The Neo4j JVM's own CPU and GC time, read over JMX, so that a benchmark counts what the store
// spends whatever else runs on the machine.
import type { GraphDatabase } from '../../src/graph/database.ts';

/** CPU and GC time of the Neo4j JVM (ms), via JMX; null when the server does not allow it. */
export async function jvmTimes(db: GraphDatabase): Promise<{ cpuMs: number; gcMs: number } | null> {
  try {
    const [cpu] = await db.read<{ v: number }>(
      "CALL dbms.queryJmx('java.lang:type=OperatingSystem') YIELD attributes RETURN attributes.ProcessCpuTime.value AS v",
      {},
    );
    const [gc] = await db.read<{ v: number }>(
      "CALL dbms.queryJmx('java.lang:type=GarbageCollector,*') YIELD attributes RETURN sum(attributes.CollectionTime.value) AS v",
      {},
    );
    if (cpu?.v == null || gc?.v == null) return null;
    return { cpuMs: Number(cpu.v) / 1e6, gcMs: Number(gc.v) };
  } catch {
    return null;
  }
}

/** The Neo4j JVM's CPU time (ms); throws where JMX is not open to this account (a benchmark that needs it cannot run). */
export async function jvmCpuMs(db: GraphDatabase): Promise<number> {
  const times = await jvmTimes(db);
  if (!times) throw new Error("Neo4j's JMX (dbms.queryJmx) is not available: the benchmark needs the JVM's CPU time");
  return times.cpuMs;
}
