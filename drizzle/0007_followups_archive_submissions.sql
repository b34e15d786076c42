CREATE TABLE "report_submission" (
	"kode_kota" varchar(4) NOT NULL,
	"submission_id" varchar(64) NOT NULL,
	"created_by" text NOT NULL,
	"body_hash" varchar(64) NOT NULL,
	"import_id" bigint,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_submission_kode_kota_submission_id_pk" PRIMARY KEY("kode_kota","submission_id")
);
--> statement-breakpoint
CREATE TABLE "archive_file" (
	"kode_kota" varchar(4) NOT NULL,
	"tanggal" date NOT NULL,
	"area_code" varchar(16) NOT NULL,
	"kind" text NOT NULL,
	"filename" text NOT NULL,
	"bytes" integer NOT NULL,
	"body" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "archive_file_kode_kota_tanggal_area_code_kind_pk" PRIMARY KEY("kode_kota","tanggal","area_code","kind"),
	CONSTRAINT "archive_file_kind_ck" CHECK ("archive_file"."kind" in ('pdf', 'png'))
);
--> statement-breakpoint
CREATE TABLE "archive_run" (
	"kode_kota" varchar(4) NOT NULL,
	"tanggal" date NOT NULL,
	"status" text NOT NULL,
	"trigger" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"files" integer DEFAULT 0 NOT NULL,
	"message" text,
	CONSTRAINT "archive_run_kode_kota_tanggal_pk" PRIMARY KEY("kode_kota","tanggal")
);
--> statement-breakpoint
CREATE TABLE "followup" (
	"id" bigint NOT NULL,
	"kode_kota" varchar(4) NOT NULL,
	"kode_sls" varchar(14) NOT NULL,
	"tanggal" date NOT NULL,
	"parties" text[] NOT NULL,
	"visited" integer NOT NULL,
	"agreed" integer NOT NULL,
	"still_refusing" integer NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "followup_kode_kota_id_pk" PRIMARY KEY("kode_kota","id"),
	CONSTRAINT "followup_counts_ck" CHECK ("followup"."agreed" >= 0 and "followup"."still_refusing" >= 0 and "followup"."agreed" <= "followup"."visited" and "followup"."still_refusing" <= "followup"."visited" - "followup"."agreed"),
	CONSTRAINT "followup_note_ck" CHECK ("followup"."note" is null or char_length("followup"."note") <= 200)
);
--> statement-breakpoint
CREATE TABLE "followup_history" (
	"history_id" bigserial NOT NULL,
	"id" bigint NOT NULL,
	"kode_kota" varchar(4) NOT NULL,
	"kode_sls" varchar(14) NOT NULL,
	"tanggal" date NOT NULL,
	"parties" text[] NOT NULL,
	"visited" integer NOT NULL,
	"agreed" integer NOT NULL,
	"still_refusing" integer NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "followup_history_kode_kota_history_id_pk" PRIMARY KEY("kode_kota","history_id"),
	CONSTRAINT "followup_history_counts_ck" CHECK ("followup_history"."agreed" >= 0 and "followup_history"."still_refusing" >= 0 and "followup_history"."agreed" <= "followup_history"."visited" and "followup_history"."still_refusing" <= "followup_history"."visited" - "followup_history"."agreed"),
	CONSTRAINT "followup_history_note_ck" CHECK ("followup_history"."note" is null or char_length("followup_history"."note") <= 200)
);
--> statement-breakpoint
ALTER TABLE "campaign" ADD COLUMN "archive_time" text DEFAULT '07:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "followup" ADD CONSTRAINT "followup_kode_sls_kode_kota_area_code_kode_kota_fk" FOREIGN KEY ("kode_sls","kode_kota") REFERENCES "public"."area"("code","kode_kota") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "archive_file_area_idx" ON "archive_file" USING btree ("kode_kota","area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "followup_sls_tanggal_idx" ON "followup" USING btree ("kode_kota","kode_sls","tanggal");--> statement-breakpoint
CREATE INDEX "followup_history_key_idx" ON "followup_history" USING btree ("kode_kota","id","version");--> statement-breakpoint
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_archive_time_ck" CHECK ("campaign"."archive_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');