CREATE TABLE "campaign" (
	"kode_kota" varchar(4) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"grace_days" integer DEFAULT 6 NOT NULL,
	"timezone" text DEFAULT 'Asia/Makassar' NOT NULL,
	CONSTRAINT "campaign_window_ck" CHECK ("campaign"."end_date" >= "campaign"."start_date"),
	CONSTRAINT "campaign_grace_ck" CHECK ("campaign"."grace_days" between 0 and 60)
);
--> statement-breakpoint
CREATE TABLE "area" (
	"code" varchar(16) NOT NULL,
	"kode_kota" varchar(4) NOT NULL,
	"level" text NOT NULL,
	"parent_code" varchar(16),
	"name" text NOT NULL,
	"kemendagri_code" varchar(16),
	"prelist" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "area_code_kode_kota_pk" PRIMARY KEY("code","kode_kota"),
	CONSTRAINT "area_code_digits_ck" CHECK ("area"."code" ~ '^[0-9]+$'),
	CONSTRAINT "area_code_level_ck" CHECK (length("area"."code") = case "area"."level" when 'kota' then 4 when 'kecamatan' then 7 when 'kelurahan' then 10 when 'sls' then 14 else 16 end),
	CONSTRAINT "area_code_kota_ck" CHECK (left("area"."code", 4) = "area"."kode_kota"),
	CONSTRAINT "area_parent_prefix_ck" CHECK ("area"."parent_code" is null or left("area"."code", length("area"."parent_code")) = "area"."parent_code"),
	CONSTRAINT "area_prelist_ck" CHECK ("area"."prelist" >= 0)
);
--> statement-breakpoint
CREATE TABLE "area_boundary" (
	"code" varchar(16) NOT NULL,
	"kode_kota" varchar(4) NOT NULL,
	"geometry" jsonb NOT NULL,
	"simplified" jsonb,
	CONSTRAINT "area_boundary_code_kode_kota_pk" PRIMARY KEY("code","kode_kota")
);
--> statement-breakpoint
CREATE TABLE "assignment" (
	"kode_subsls" varchar(16) NOT NULL,
	"kode_kota" varchar(4) NOT NULL,
	"kode_petugas" varchar(32) NOT NULL,
	CONSTRAINT "assignment_kode_subsls_kode_kota_pk" PRIMARY KEY("kode_subsls","kode_kota")
);
--> statement-breakpoint
CREATE TABLE "officer" (
	"code" varchar(32) NOT NULL,
	"kode_kota" varchar(4) NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"supervisor_code" varchar(32),
	"phone" text,
	"area_code" varchar(16) NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "officer_code_kode_kota_pk" PRIMARY KEY("code","kode_kota"),
	CONSTRAINT "officer_code_ck" CHECK ("officer"."code" ~ '^[A-Za-z0-9._-]+$')
);
--> statement-breakpoint
CREATE TABLE "report" (
	"kode_subsls" varchar(16) NOT NULL,
	"tanggal" date NOT NULL,
	"kode_kota" varchar(4) NOT NULL,
	"kode_petugas" varchar(32) NOT NULL,
	"selesai" integer NOT NULL,
	"menolak" integer NOT NULL,
	"tidak_ditemui" integer NOT NULL,
	"tidak_ditemukan" integer NOT NULL,
	"keluarga_baru" integer NOT NULL,
	"prelist" integer NOT NULL,
	"submitted_by" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"import_id" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "report_kode_subsls_tanggal_kode_kota_pk" PRIMARY KEY("kode_subsls","tanggal","kode_kota"),
	CONSTRAINT "report_nonneg_ck" CHECK ("report"."selesai" >= 0 and "report"."menolak" >= 0 and "report"."tidak_ditemui" >= 0 and "report"."tidak_ditemukan" >= 0 and "report"."keluarga_baru" >= 0 and "report"."prelist" >= 0),
	CONSTRAINT "report_universe_ck" CHECK ("report"."selesai" + "report"."menolak" + "report"."tidak_ditemui" + "report"."tidak_ditemukan" <= "report"."prelist" + "report"."keluarga_baru")
);
--> statement-breakpoint
CREATE TABLE "report_history" (
	"id" bigserial NOT NULL,
	"kode_subsls" varchar(16) NOT NULL,
	"tanggal" date NOT NULL,
	"kode_kota" varchar(4) NOT NULL,
	"kode_petugas" varchar(32) NOT NULL,
	"selesai" integer NOT NULL,
	"menolak" integer NOT NULL,
	"tidak_ditemui" integer NOT NULL,
	"tidak_ditemukan" integer NOT NULL,
	"keluarga_baru" integer NOT NULL,
	"prelist" integer NOT NULL,
	"submitted_by" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"import_id" bigint,
	"version" integer NOT NULL,
	CONSTRAINT "report_history_id_kode_kota_pk" PRIMARY KEY("id","kode_kota"),
	CONSTRAINT "report_history_nonneg_ck" CHECK ("report_history"."selesai" >= 0 and "report_history"."menolak" >= 0 and "report_history"."tidak_ditemui" >= 0 and "report_history"."tidak_ditemukan" >= 0 and "report_history"."keluarga_baru" >= 0 and "report_history"."prelist" >= 0),
	CONSTRAINT "report_history_universe_ck" CHECK ("report_history"."selesai" + "report_history"."menolak" + "report_history"."tidak_ditemui" + "report_history"."tidak_ditemukan" <= "report_history"."prelist" + "report_history"."keluarga_baru")
);
--> statement-breakpoint
CREATE TABLE "import_job" (
	"id" bigserial NOT NULL,
	"kode_kota" varchar(4) NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"filename" text,
	"status" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"replaced" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"rejections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"message" text,
	CONSTRAINT "import_job_id_kode_kota_pk" PRIMARY KEY("id","kode_kota")
);
--> statement-breakpoint
CREATE TABLE "area_day" (
	"code" varchar(16) NOT NULL,
	"tanggal" date NOT NULL,
	"kode_kota" varchar(4) NOT NULL,
	"level" text NOT NULL,
	"parent_code" varchar(16),
	"prelist" integer NOT NULL,
	"keluarga_baru" integer NOT NULL,
	"selesai" integer NOT NULL,
	"menolak" integer NOT NULL,
	"tidak_ditemui" integer NOT NULL,
	"tidak_ditemukan" integer NOT NULL,
	"subsls_count" integer NOT NULL,
	"subsls_started" integer NOT NULL,
	CONSTRAINT "area_day_code_tanggal_kode_kota_pk" PRIMARY KEY("code","tanggal","kode_kota")
);
--> statement-breakpoint
ALTER TABLE "area" ADD CONSTRAINT "area_kode_kota_campaign_kode_kota_fk" FOREIGN KEY ("kode_kota") REFERENCES "public"."campaign"("kode_kota") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area" ADD CONSTRAINT "area_parent_code_kode_kota_area_code_kode_kota_fk" FOREIGN KEY ("parent_code","kode_kota") REFERENCES "public"."area"("code","kode_kota") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_boundary" ADD CONSTRAINT "area_boundary_code_kode_kota_area_code_kode_kota_fk" FOREIGN KEY ("code","kode_kota") REFERENCES "public"."area"("code","kode_kota") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_kode_subsls_kode_kota_area_code_kode_kota_fk" FOREIGN KEY ("kode_subsls","kode_kota") REFERENCES "public"."area"("code","kode_kota") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_kode_petugas_kode_kota_officer_code_kode_kota_fk" FOREIGN KEY ("kode_petugas","kode_kota") REFERENCES "public"."officer"("code","kode_kota") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer" ADD CONSTRAINT "officer_supervisor_code_kode_kota_officer_code_kode_kota_fk" FOREIGN KEY ("supervisor_code","kode_kota") REFERENCES "public"."officer"("code","kode_kota") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer" ADD CONSTRAINT "officer_area_code_kode_kota_area_code_kode_kota_fk" FOREIGN KEY ("area_code","kode_kota") REFERENCES "public"."area"("code","kode_kota") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_kode_subsls_kode_kota_area_code_kode_kota_fk" FOREIGN KEY ("kode_subsls","kode_kota") REFERENCES "public"."area"("code","kode_kota") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_kode_petugas_kode_kota_officer_code_kode_kota_fk" FOREIGN KEY ("kode_petugas","kode_kota") REFERENCES "public"."officer"("code","kode_kota") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "area_code_prefix_idx" ON "area" USING btree ("code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "area_parent_idx" ON "area" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "area_kemendagri_idx" ON "area" USING btree ("kemendagri_code");--> statement-breakpoint
CREATE INDEX "assignment_petugas_idx" ON "assignment" USING btree ("kode_petugas");--> statement-breakpoint
CREATE INDEX "officer_supervisor_idx" ON "officer" USING btree ("supervisor_code");--> statement-breakpoint
CREATE INDEX "officer_area_idx" ON "officer" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "report_petugas_tanggal_idx" ON "report" USING btree ("kode_petugas","tanggal");--> statement-breakpoint
CREATE INDEX "report_kota_tanggal_idx" ON "report" USING btree ("kode_kota","tanggal");--> statement-breakpoint
CREATE INDEX "report_history_key_idx" ON "report_history" USING btree ("kode_subsls","tanggal");--> statement-breakpoint
CREATE INDEX "import_job_created_idx" ON "import_job" USING btree ("kode_kota","created_at");--> statement-breakpoint
CREATE INDEX "area_day_parent_idx" ON "area_day" USING btree ("parent_code","tanggal");