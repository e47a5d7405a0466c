import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";

const db = new PGlite();
await db.waitReady;
await db.exec(`create table iv (id serial primary key, indicator_id int not null, period text not null, scope text not null, kind text not null, value float8 not null, source text not null, comment text, revises_id int, published_on date, origin text not null default 'entry', report_id int, entered_by int, entered_at timestamptz not null default now());
create index iv_series on iv(indicator_id, scope, period);
create table st (batch text not null, id int not null, indicator_id int not null, period text not null, scope text not null, kind text not null, value float8 not null, source text not null, comment text, revises_id int, origin text not null, entered_by int, entered_at timestamptz not null, primary key (batch, id));
create table gl (id serial primary key, j jsonb, t text);`);
const N = 5000;
const comment = () => randomBytes(450).toString("base64");
for (let round = 0; round < 4; round++) {
  const batch = `b${round}`;
  for (let i = 0; i < N; i += 250) {
    const ind = [],
      per = [],
      sc = [],
      com = [];
    for (let k = i; k < i + 250; k++) {
      ind.push(1);
      per.push(String(2000 + (k % 30)));
      sc.push(`TQ ${k}`);
      com.push(comment());
    }
    await db.query(
      `insert into st (batch, id, indicator_id, period, scope, kind, value, source, comment, revises_id, origin, entered_by, entered_at)
      select $1, nextval('iv_id_seq'), * from unnest($2::int[], $3::text[], $4::text[], array_fill('official'::text, array[250]), $2::float8[], array_fill('bench'::text, array[250]), $5::text[], array_fill(null::int, array[250]), array_fill('upload'::text, array[250]), array_fill(null::int, array[250]), array_fill(now(), array[250]))`,
      [batch, ind, per, sc, com],
    );
  }
  let t0 = performance.now();
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into iv (id, indicator_id, period, scope, kind, value, source, comment, revises_id, origin, entered_by, entered_at)
      select id, indicator_id, period, scope, kind, value, source, comment, revises_id, origin, entered_by, entered_at from st where batch = $1`,
      [batch],
    );
  });
  const fin = performance.now() - t0;
  t0 = performance.now();
  await db.query(`delete from st where batch = $1`, [batch]);
  console.log(`round ${round}: final tx ${fin.toFixed(0)} ms, delete ${(performance.now() - t0).toFixed(0)}`);
}
const ring = [];
for (let i = 0; i < 199998; i++)
  ring.push([105 + (i % 1000) / 10000 + Math.random() / 1e7, 21 + Math.floor(i / 1000) / 10000]);
const text = JSON.stringify({
  type: "FeatureCollection",
  features: [
    { type: "Feature", properties: { name: "B" }, geometry: { type: "Polygon", coordinates: [ring] } },
  ],
});
const b64 = gzipSync(text, { level: 6 }).toString("base64");
await db.exec(`alter table gl alter column t set storage external`);
for (let r = 0; r < 3; r++) {
  let t0 = performance.now();
  await db.query(`insert into gl (t) values ($1)`, [b64]);
  console.log(`b64 text ${b64.length} ${(performance.now() - t0).toFixed(0)} ms`);
  t0 = performance.now();
  await db.query(`select t from gl where t is not null limit 1`);
  console.log(`read ${(performance.now() - t0).toFixed(0)} ms`);
}
