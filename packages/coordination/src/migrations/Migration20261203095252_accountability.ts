import { Migration } from '@mikro-orm/migrations';

export class Migration20261203095252_accountability extends Migration {
  override name = 'Migration20261203095252_accountability';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "coordination"."decision_report" ("id" uuid not null, "decision_id" uuid not null, "agency_id" uuid not null, "author_id" varchar(64) not null, "author_name" varchar(200) not null, "reported_on" date not null, "text" text not null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "decision_report_decision_id_reported_on_index" on "coordination"."decision_report" ("decision_id", "reported_on");`,
    );

    this.addSql(
      `alter table "coordination"."council_decision" drop constraint "council_decision_assignee_id_foreign";`,
    );

    this.addSql(
      `alter table "coordination"."item_executor" drop constraint "item_executor_agency_id_foreign";`,
    );

    this.addSql(
      `alter table "coordination"."obligation" drop constraint "obligation_responsible_agency_id_foreign";`,
    );

    this.addSql(
      `alter table "coordination"."progress_report" drop constraint "progress_report_agency_id_foreign";`,
    );

    this.addSql(
      `alter table "coordination"."council_decision" add constraint "council_decision_assignee_id_foreign" foreign key ("assignee_id") references "coordination"."agency" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "coordination"."item_executor" add constraint "item_executor_agency_id_foreign" foreign key ("agency_id") references "coordination"."agency" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "coordination"."obligation" add constraint "obligation_responsible_agency_id_foreign" foreign key ("responsible_agency_id") references "coordination"."agency" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "coordination"."progress_report" add "author_id" varchar(64) null, add "author_name" varchar(200) null;`,
    );
    this.addSql(
      `alter table "coordination"."progress_report" add constraint "progress_report_agency_id_foreign" foreign key ("agency_id") references "coordination"."agency" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "coordination"."evidence_file" add "decision_report_id" uuid null;`);
    this.addSql(
      `alter table "coordination"."evidence_file" add constraint "evidence_file_decision_report_id_foreign" foreign key ("decision_report_id") references "coordination"."decision_report" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "coordination"."evidence_file" alter column "report_id" drop not null;`);
    this.addSql(
      `create index "evidence_file_decision_report_id_index" on "coordination"."evidence_file" ("decision_report_id");`,
    );
    this.addSql(
      `alter table "coordination"."evidence_file" add constraint "evidence_file_one_report" check ((report_id is null) <> (decision_report_id is null));`,
    );

    this.addSql(
      `alter table "coordination"."decision_report" add constraint "decision_report_decision_id_foreign" foreign key ("decision_id") references "coordination"."council_decision" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "coordination"."decision_report" add constraint "decision_report_agency_id_foreign" foreign key ("agency_id") references "coordination"."agency" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "coordination"."decision_report" add constraint "decision_report_text_present" check (length(text) > 0);`,
    );
    this.addSql(
      `create trigger decision_report_figures_version after insert or update or delete or truncate on coordination.decision_report for each statement execute function coordination.bump_figures_version();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table "coordination"."evidence_file" drop constraint "evidence_file_decision_report_id_foreign";`,
    );

    this.addSql(
      `drop trigger if exists "decision_report_figures_version" on "coordination"."decision_report";`,
    );
    this.addSql(
      `drop function if exists "coordination"."decision_report_decision_report_figures_version_fn"();`,
    );
    this.addSql(`drop table if exists "coordination"."decision_report" cascade;`);

    this.addSql(
      `alter table "coordination"."council_decision" drop constraint "council_decision_assignee_id_foreign";`,
    );

    this.addSql(
      `alter table "coordination"."item_executor" drop constraint "item_executor_agency_id_foreign";`,
    );

    this.addSql(
      `alter table "coordination"."obligation" drop constraint "obligation_responsible_agency_id_foreign";`,
    );

    this.addSql(
      `alter table "coordination"."progress_report" drop constraint "progress_report_agency_id_foreign";`,
    );

    this.addSql(
      `alter table "coordination"."council_decision" add constraint "council_decision_assignee_id_foreign" foreign key ("assignee_id") references "coordination"."agency" ("id") on update no action on delete no action;`,
    );

    this.addSql(`drop index "coordination"."evidence_file_decision_report_id_index";`);
    this.addSql(`alter table "coordination"."evidence_file" drop constraint "evidence_file_one_report";`);
    this.addSql(`alter table "coordination"."evidence_file" drop column "decision_report_id";`);
    this.addSql(`alter table "coordination"."evidence_file" alter column "report_id" set not null;`);

    this.addSql(
      `alter table "coordination"."item_executor" add constraint "item_executor_agency_id_foreign" foreign key ("agency_id") references "coordination"."agency" ("id") on update no action on delete set null;`,
    );

    this.addSql(
      `alter table "coordination"."obligation" add constraint "obligation_responsible_agency_id_foreign" foreign key ("responsible_agency_id") references "coordination"."agency" ("id") on update no action on delete set null;`,
    );

    this.addSql(
      `alter table "coordination"."progress_report" drop column "author_id", drop column "author_name";`,
    );
    this.addSql(
      `alter table "coordination"."progress_report" add constraint "progress_report_agency_id_foreign" foreign key ("agency_id") references "coordination"."agency" ("id") on update no action on delete set null;`,
    );

    this.addSql(`create or replace function "coordination"."figure_deltas"("ids" uuid[]) returns SETOF coordination.figure_delta security invoker language sql as $$ with iv as (
    select * from coordination.figure_intervals(ids) i where i.hi is null or i.hi > i.lo),
  -- Figures of people (no item) count an owner once however its intervals overlap: merge them.
  ordered as (
    select iv.*, max(coalesce(iv.hi, 'infinity'::date)) over (
      partition by iv.owner_id, iv.figure, iv.scope, iv.dim order by iv.lo, iv.hi
      rows between unbounded preceding and 1 preceding) as reach
    from iv where iv.item is null),
  islands as (
    select o.*, count(*) filter (where o.reach is null or o.reach < o.lo) over (
      partition by o.owner_id, o.figure, o.scope, o.dim order by o.lo, o.hi
      rows unbounded preceding) as island
    from ordered o),
  spans as (
    select i.owner_id, i.figure, i.scope, i.dim, min(i.lo) as lo, max(coalesce(i.hi, 'infinity'::date)) as hi,
      max(i.w) as w
    from islands i group by i.owner_id, i.figure, i.scope, i.dim, i.island
    union all
    select iv.owner_id, iv.figure, iv.scope, iv.dim, iv.lo, coalesce(iv.hi, 'infinity'::date), iv.w
    from iv where iv.item is not null)
  select d.owner_id, d.figure, d.scope, d.dim, d.day, sum(d.n)::int
  from (select s.owner_id, s.figure, s.scope, s.dim, s.lo as day, s.w as n from spans s
        union all
        select s.owner_id, s.figure, s.scope, s.dim, s.hi, -s.w from spans s where s.hi <> 'infinity'::date) d
  group by 1, 2, 3, 4, 5 having sum(d.n) <> 0 $$;`);

    this.addSql(`create or replace function "coordination"."figure_intervals"("ids" uuid[]) returns TABLE(owner_id uuid, figure text, scope text, dim text, item uuid, lo date, hi date, w integer) security invoker language sql as $$ select n.recipient_id, 'need.identified', 'region', '', null::uuid, n.identified_on, null::date, 1
  from coordination.need_registry_entry n where n.recipient_id = any(ids) $$;`);

    this.addSql(
      `create or replace function "coordination"."figure_owners"() returns SETOF uuid security invoker language sql as $$ select recipient_id from coordination.need_registry_entry $$;`,
    );

    this.addSql(
      `create or replace function "coordination"."figure_owners_of"("tbl" text, "ids" uuid[]) returns uuid[] security invoker language sql as $$ select ids $$;`,
    );

    this.addSql(`create or replace function "coordination"."rebuild_figures"() returns void security definer volatile language plpgsql as $$ begin declare chunk uuid[]; begin
  truncate coordination.figure_day, coordination.figure_owner;   for chunk in
    select array_agg(o.id) from (
      select x.id, (row_number() over ()) / 10000 as part from coordination.figure_owners() x(id)) o
    group by o.part
  loop
    insert into coordination.figure_owner (owner_id, deltas)
    select f.owner_id, array_agg(f::coordination.figure_delta) from coordination.figure_deltas(chunk) f group by f.owner_id;   end loop;   insert into coordination.figure_day (figure, scope, dim, day, n)
  select d.figure, d.scope, d.dim, d.day, sum(d.n) from coordination.figure_owner o, unnest(o.deltas) d
  group by 1, 2, 3, 4 having sum(d.n) <> 0; end; end $$;`);

    this.addSql(`create or replace function "coordination"."refresh_figures"("ids" uuid[]) returns void security definer volatile language sql as $$ with gone as (
    delete from coordination.figure_owner o where o.owner_id = any(ids) returning o.deltas),
  fresh as (select * from coordination.figure_deltas(ids)),
  kept as (
    insert into coordination.figure_owner (owner_id, deltas)
    select f.owner_id, array_agg(f::coordination.figure_delta) from fresh f group by f.owner_id),
  change as (
    select c.figure, c.scope, c.dim, c.day, sum(c.n)::bigint as n
    from (select d.figure, d.scope, d.dim, d.day, -d.n as n from gone, unnest(gone.deltas) d
          union all select f.figure, f.scope, f.dim, f.day, f.n from fresh f) c
    group by 1, 2, 3, 4 having sum(c.n) <> 0)
  insert into coordination.figure_day as t (figure, scope, dim, day, n)
  select * from change order by 1, 2, 3, 4
  on conflict (figure, scope, dim, day) do update set n = t.n + excluded.n $$;`);
  }
}
