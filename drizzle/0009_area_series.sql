CREATE TABLE "area_series" (
	"code" varchar(16) NOT NULL,
	"kode_kota" varchar(4) NOT NULL,
	"level" text NOT NULL,
	"parent_code" varchar(16),
	"prelist" integer NOT NULL,
	"subsls_count" integer NOT NULL,
	"keluarga_baru" integer[] NOT NULL,
	"selesai" integer[] NOT NULL,
	"menolak" integer[] NOT NULL,
	"tidak_ditemui" integer[] NOT NULL,
	"tidak_ditemukan" integer[] NOT NULL,
	"subsls_started" integer[] NOT NULL,
	CONSTRAINT "area_series_code_kode_kota_pk" PRIMARY KEY("code","kode_kota")
);
--> statement-breakpoint
DROP INDEX "assignment_petugas_idx";--> statement-breakpoint
DROP INDEX "officer_supervisor_idx";--> statement-breakpoint
DROP INDEX "report_petugas_tanggal_idx";--> statement-breakpoint
DROP INDEX "report_kota_tanggal_idx";--> statement-breakpoint
CREATE INDEX "area_series_parent_idx" ON "area_series" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "area_series_kota_level_idx" ON "area_series" USING btree ("kode_kota","level");--> statement-breakpoint
CREATE INDEX "area_kota_level_idx" ON "area" USING btree ("kode_kota","level");--> statement-breakpoint
CREATE INDEX "assignment_subsls_prefix_idx" ON "assignment" USING btree ("kode_kota","kode_subsls" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "officer_kota_area_idx" ON "officer" USING btree ("kode_kota","area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "assignment_petugas_idx" ON "assignment" USING btree ("kode_kota","kode_petugas");--> statement-breakpoint
CREATE INDEX "officer_supervisor_idx" ON "officer" USING btree ("kode_kota","supervisor_code");--> statement-breakpoint
CREATE INDEX "report_petugas_tanggal_idx" ON "report" USING btree ("kode_kota","kode_petugas","tanggal");--> statement-breakpoint
CREATE INDEX "report_kota_tanggal_idx" ON "report" USING btree ("kode_kota","tanggal","kode_subsls" text_pattern_ops,"kode_petugas");