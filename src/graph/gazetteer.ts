// The gazetteer of administrative units in the graph: provinces (until and from 1 July 2025),
// districts, regions, PART_OF between levels and SUCCEEDED_BY from each old province to the one
// it merged into. Written once per gazetteer version; articles then link to the same nodes.
import { createHash } from 'node:crypto';
import type { GazetteerLink, GazetteerUnit } from '../core/admin-units.ts';
import type { GraphDatabase } from './database.ts';
import { WRITE_ENTITIES, entityRow } from './ingest.ts';

const GAZETTEER_MARKER_ID = 'country:viet-nam';

const READ_VERSION = `MATCH (n:Entity {id: $id}) RETURN n.gazetteerVersion AS version`;

const WRITE_UNIT_FACTS = `
UNWIND $units AS u
MATCH (n:Entity {id: u.id})
SET n.gazetteer = true, n.code = u.code, n.level = u.level,
    n.validFrom = CASE WHEN u.validFrom IS NULL THEN null ELSE date(u.validFrom) END,
    n.validTo = CASE WHEN u.validTo IS NULL THEN null ELSE date(u.validTo) END`;

const WRITE_LINKS = `
UNWIND $links AS l
MATCH (a:Entity {id: l.from})
MATCH (b:Entity {id: l.to})
MERGE (a)-[r:$(l.type)]->(b)
SET r.gazetteer = true`;

const WRITE_VERSION = `MATCH (n:Entity {id: $id}) SET n.gazetteerVersion = $version`;

export function gazetteerVersion(units: readonly GazetteerUnit[], links: readonly GazetteerLink[]): string {
  return createHash('sha256').update(JSON.stringify([units, links])).digest('hex').slice(0, 16);
}

/** Writes the gazetteer unless this version of it is already in the graph. Returns whether it wrote. */
export async function loadGazetteer(
  db: GraphDatabase,
  gazetteer: { units: readonly GazetteerUnit[]; links: readonly GazetteerLink[] },
): Promise<boolean> {
  const version = gazetteerVersion(gazetteer.units, gazetteer.links);
  const [current] = await db.read<{ version: string | null }>(READ_VERSION, { id: GAZETTEER_MARKER_ID });
  if (current?.version === version) return false;
  await db.writeTransaction(async (tx) => {
    const rows = gazetteer.units.map((u) =>
      entityRow({ id: u.id, type: 'AdministrativeUnit', subtype: u.subtype, name: u.name, aliases: u.aliases }),
    );
    await tx.run(WRITE_ENTITIES, { entities: rows });
    await tx.run(WRITE_UNIT_FACTS, { units: gazetteer.units });
    await tx.run(WRITE_LINKS, { links: gazetteer.links });
    await tx.run(WRITE_VERSION, { id: GAZETTEER_MARKER_ID, version });
  });
  return true;
}
