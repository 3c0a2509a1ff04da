// Lets the schema engine read the PostgreSQL catalog through @prisma/adapter-pg, which was written
// for application queries and rejects the catalog's one-byte `"char"` type (OID 18).
//
// The engine reads such columns (pg_constraint.contype, ...) with `as_char`, which accepts only a
// Character value, not Text. Getting this wrong panics in sql-schema-describer's get_constraints
// ("Getting constraint_type ... as char failed") as soon as one row comes back. PostgreSQL 18
// makes that certain: it lists every NOT NULL as a pg_constraint row (contype 'n'), and the
// engine's query only excludes 'p', 'u' and 'f'. With the column typed correctly those rows are
// harmless, as the engine keeps 'c' and 'x' and ignores any other type, so they are not filtered.
// (`name`, OID 19, is already mapped to Text by adapter-pg 7.10 and needs nothing.)
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";

const CHAR_OID = 18;
const TEXT_OID = 25;

// adapter-pg hands pg's `rows` array through untouched, so it identifies a result across layers.
const charColumnsByRows = new WeakMap();

/** pg client that passes `"char"` columns to adapter-pg as text, remembering which they were. */
export class CatalogClient extends pg.Client {
  query(config, values, callback) {
    if (typeof values === "function") [values, callback] = [undefined, values];
    if (typeof callback === "function") {
      return super.query(config, values, (err, res) => callback(err, err ? res : retypeCharColumns(res)));
    }
    const pending = super.query(config, values);
    return typeof pending?.then === "function" ? pending.then(retypeCharColumns) : pending;
  }
}

function retypeCharColumns(result) {
  for (const res of Array.isArray(result) ? result : [result]) {
    const charColumns = [];
    res?.fields?.forEach((field, index) => {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        charColumns.push(index);
      }
    });
    if (charColumns.length > 0) charColumnsByRows.set(res.rows, charColumns);
  }
  return result;
}

/** Patches an adapter (and the transactions it starts) to report those columns as Character. */
export function withCatalogFixes(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => restoreCharColumns(await queryRaw(query));
  if (typeof queryable.startTransaction === "function") {
    const startTransaction = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (...args) => withCatalogFixes(await startTransaction(...args));
  }
  return queryable;
}

function restoreCharColumns(result) {
  for (const index of charColumnsByRows.get(result.rows) ?? []) {
    result.columnTypes[index] = ColumnTypeEnum.Character;
  }
  return result;
}
