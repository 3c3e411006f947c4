import type { PlannedMove, ReassignmentPlan } from '@weir/api';

export interface PlanBroker {
  nodeId: number;
  rack: string | null;
}

export interface PlanPartition {
  topic: string;
  partition: number;
  /** Current replicas, preferred leader first. */
  replicas: number[];
}

/**
 * Spreads the partitions' replicas and preferred leaders evenly over `brokers`, moving as few
 * replicas as it can: replicas already on a chosen broker stay unless their broker holds more than
 * its share or shares a rack with another replica of the partition while a free rack exists; missing
 * replicas go to the least-loaded broker on an unused rack. Leaders (first replica) are then chosen
 * per partition among its replicas, least-leading broker first. Deterministic for the same input.
 */
export function planReassignment(
  partitions: PlanPartition[],
  brokers: PlanBroker[],
  replicationFactor?: number,
): ReassignmentPlan {
  const ids = brokers.map((b) => b.nodeId).sort((a, b) => a - b);
  const rackOf = new Map(brokers.map((b) => [b.nodeId, b.rack]));
  const rackCount = new Set(brokers.map((b) => b.rack ?? `#${b.nodeId}`)).size;
  const rackKey = (id: number) => rackOf.get(id) ?? `#${id}`;
  const rf = (p: PlanPartition) => replicationFactor ?? p.replicas.length;

  const load = new Map(ids.map((id) => [id, 0]));
  const kept = partitions.map((p) => p.replicas.filter((r) => load.has(r)));
  for (const replicas of kept) for (const r of replicas) load.set(r, (load.get(r) ?? 0) + 1);
  // Lowering the replication factor: drop followers from the most loaded brokers first.
  partitions.forEach((p, i) => {
    const replicas = kept[i] as number[];
    while (replicas.length > rf(p)) {
      const followers = replicas.length > 1 ? replicas.slice(1) : replicas;
      const drop = [...followers].sort(
        (a, b) => (load.get(b) ?? 0) - (load.get(a) ?? 0) || b - a,
      )[0] as number;
      replicas.splice(replicas.indexOf(drop), 1);
      load.set(drop, (load.get(drop) ?? 0) - 1);
    }
  });

  const totalReplicas = partitions.reduce((sum, p) => sum + rf(p), 0);
  const ceiling = Math.ceil(totalReplicas / Math.max(ids.length, 1));

  // Drop replicas that break rack diversity or sit on an overloaded broker, most loaded first.
  kept.forEach((replicas, i) => {
    const racks = new Map<string, number>();
    for (const r of [...replicas]) {
      const rack = rackKey(r);
      const sameRack = racks.has(rack);
      const overloaded = (load.get(r) ?? 0) > ceiling;
      if ((sameRack && rackCount > racks.size) || overloaded) {
        replicas.splice(replicas.indexOf(r), 1);
        load.set(r, (load.get(r) ?? 0) - 1);
      } else {
        racks.set(rack, r);
      }
    }
    kept[i] = replicas;
  });

  // Fill each partition up to its replication factor.
  partitions.forEach((p, i) => {
    const replicas = kept[i] as number[];
    while (replicas.length < rf(p)) {
      const usedRacks = new Set(replicas.map(rackKey));
      const candidates = ids
        .filter((id) => !replicas.includes(id))
        .sort(
          (a, b) =>
            Number(usedRacks.has(rackKey(a))) - Number(usedRacks.has(rackKey(b))) ||
            (load.get(a) ?? 0) - (load.get(b) ?? 0) ||
            a - b,
        );
      const chosen = candidates[0];
      if (chosen === undefined) break;
      replicas.push(chosen);
      load.set(chosen, (load.get(chosen) ?? 0) + 1);
    }
  });

  const targets = balanceLeaders(
    partitions.map((p) => p.replicas[0]),
    kept as number[][],
    ids,
  );

  const moves: PlannedMove[] = [];
  let replicasToCopy = 0;
  partitions.forEach((p, i) => {
    const to = targets[i] as number[];
    if (to.join(',') !== p.replicas.join(',')) {
      moves.push({ topic: p.topic, partition: p.partition, from: p.replicas, to });
      replicasToCopy += to.filter((r) => !p.replicas.includes(r)).length;
    }
  });

  const allIds = [...new Set([...ids, ...partitions.flatMap((p) => p.replicas)])].sort((a, b) => a - b);
  const count = (lists: number[][], id: number, leaderOnly: boolean) =>
    lists.filter((l) => (leaderOnly ? l[0] === id : l.includes(id))).length;
  const before = partitions.map((p) => p.replicas);
  return {
    moves,
    replicasToCopy,
    brokers: allIds.map((nodeId) => ({
      nodeId,
      replicasBefore: count(before, nodeId, false),
      replicasAfter: count(targets, nodeId, false),
      leadersBefore: count(before, nodeId, true),
      leadersAfter: count(targets, nodeId, true),
    })),
  };
}

/**
 * Chooses each partition's leader among its replicas so leader counts differ by at most one where the
 * replica sets allow it: start from the current leader where possible, then shift leadership along
 * chains (A leads p1 that B also holds, B leads p2 that C holds…) from the busiest broker to one with
 * at least two fewer. Returns the replica lists with the leader first.
 */
function balanceLeaders(current: (number | undefined)[], replicaSets: number[][], ids: number[]): number[][] {
  const leaderOf = replicaSets.map((replicas, i) => {
    const was = current[i];
    return was !== undefined && replicas.includes(was) ? was : replicas[0];
  });
  const counts = new Map(ids.map((id) => [id, 0]));
  for (const leader of leaderOf) if (leader !== undefined) counts.set(leader, (counts.get(leader) ?? 0) + 1);

  for (let round = 0; round < replicaSets.length * ids.length; round++) {
    const busiest = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (!busiest) break;
    const [source, sourceCount] = busiest;
    // Breadth-first search over "broker leads a partition another replica of which could lead it".
    const via = new Map<number, { from: number; partition: number }>();
    const queue = [source];
    let sink: number | undefined;
    while (queue.length > 0 && sink === undefined) {
      const broker = queue.shift() as number;
      for (let p = 0; p < replicaSets.length && sink === undefined; p++) {
        if (leaderOf[p] !== broker) continue;
        for (const next of replicaSets[p] as number[]) {
          if (next === source || via.has(next) || !counts.has(next)) continue;
          via.set(next, { from: broker, partition: p });
          if ((counts.get(next) ?? 0) <= sourceCount - 2) {
            sink = next;
            break;
          }
          queue.push(next);
        }
      }
    }
    if (sink === undefined) break;
    for (let at = sink; at !== source; ) {
      const step = via.get(at) as { from: number; partition: number };
      leaderOf[step.partition] = at;
      at = step.from;
    }
    counts.set(source, sourceCount - 1);
    counts.set(sink, (counts.get(sink) ?? 0) + 1);
  }
  return replicaSets.map((replicas, i) => {
    const leader = leaderOf[i];
    return leader === undefined ? replicas : [leader, ...replicas.filter((r) => r !== leader)];
  });
}
