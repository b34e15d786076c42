-- Custom SQL migration file, put your code below! --
-- Every statement that changes what a kab/kota's read bodies are built from (the campaign row, the
-- rollup, the raw reports) tells the listening app processes: NOTIFY pantau_data, once per
-- transaction (PostgreSQL folds equal notifications). The app keeps the campaign row in memory only
-- while it listens (lib/db/data-feed.ts), so a write from any process or any SQL session reaches it.
create or replace function pantau_notify_data() returns trigger language plpgsql as $$
begin
  perform pg_notify('pantau_data', '');
  return null;
end $$;
--> statement-breakpoint
create trigger campaign_notify_data after insert or update or delete or truncate on campaign
  for each statement execute function pantau_notify_data();
--> statement-breakpoint
create trigger area_series_notify_data after insert or update or delete or truncate on area_series
  for each statement execute function pantau_notify_data();
--> statement-breakpoint
create trigger report_notify_data after insert or update or delete or truncate on report
  for each statement execute function pantau_notify_data();
