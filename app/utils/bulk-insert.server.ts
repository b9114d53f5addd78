import { randomBytes } from "node:crypto";
import { Prisma } from "@prisma/client";
import { type Tx } from "./db.server";

/**
 * Inserting (or updating) thousands of rows in one statement: every column travels as
 * one array parameter and unnest() turns them back into rows. Prisma's createMany builds and
 * checks each row in JavaScript, which made a 5,000-record import spend most of its
 * time there; this is several times faster. Tables and columns are our own constant
 * names, never user input.
 */

/** A cuid-shaped id, made here because raw inserts do not run Prisma's @default(cuid()). */
export function newId(): string {
  const time = Date.now().toString(36);
  const random = BigInt(`0x${randomBytes(12).toString("hex")}`).toString(36);
  return `c${time}${random}`.slice(0, 25).padEnd(25, "0");
}

type SqlType = "text" | "int" | "boolean" | "jsonb" | "date" | "timestamp" | `enum:${string}`;

export type Column<Row> = { name: string; type: SqlType; value: (row: Row) => unknown };

const arrayType = (type: SqlType) => (type === "int" || type === "boolean" ? type : "text");

/** How a text element becomes the column's type (timestamps travel as ISO strings in UTC). */
function cast(type: SqlType, ref: string): string {
  if (type.startsWith("enum:")) return `${ref}::"${type.slice(5)}"`;
  if (type === "jsonb") return `${ref}::jsonb`;
  if (type === "date") return `${ref}::date`;
  if (type === "timestamp") return `(${ref}::timestamptz AT TIME ZONE 'UTC')`;
  return ref;
}

function toParam(type: SqlType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (type === "jsonb") return JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** The rows as one unnest() of a column array each, aliased v.c0, v.c1, …; `value(i)` is column i's value cast to its type. */
function unnestOf<Row>(columns: ReadonlyArray<Column<Row>>, rows: readonly Row[]) {
  const arrays = Prisma.join(columns.map((c) => Prisma.sql`${rows.map((r) => toParam(c.type, c.value(r)))}::${Prisma.raw(arrayType(c.type))}[]`));
  const aliases = Prisma.raw(columns.map((_, i) => `c${i}`).join(", "));
  return { from: Prisma.sql`unnest(${arrays}) AS v(${aliases})`, value: (i: number) => cast(columns[i]!.type, `v.c${i}`) };
}

export async function bulkInsert<Row>(
  tx: Tx,
  table: string,
  columns: ReadonlyArray<Column<Row>>,
  rows: readonly Row[],
  { skipDuplicates = false }: { skipDuplicates?: boolean } = {},
): Promise<number> {
  if (!rows.length) return 0;
  const names = Prisma.raw(columns.map((c) => `"${c.name}"`).join(", "));
  const v = unnestOf(columns, rows);
  const values = Prisma.raw(columns.map((_, i) => v.value(i)).join(", "));
  const conflict = Prisma.raw(skipDuplicates ? " ON CONFLICT DO NOTHING" : "");
  return tx.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${names}) SELECT ${values} FROM ${v.from}${conflict}`;
}

/** Sets these columns of rows found by id, the same way: one statement however many rows. */
export async function bulkUpdate<Row>(tx: Tx, table: string, id: (row: Row) => string, columns: ReadonlyArray<Column<Row>>, rows: readonly Row[]): Promise<void> {
  if (!rows.length) return;
  const v = unnestOf([{ name: "id", type: "text", value: id }, ...columns], rows);
  const sets = Prisma.raw(columns.map((c, i) => `"${c.name}" = ${v.value(i + 1)}`).join(", "));
  await tx.$executeRaw`UPDATE ${Prisma.raw(`"${table}"`)} AS t SET ${sets} FROM ${v.from} WHERE t.id = v.c0`;
}
