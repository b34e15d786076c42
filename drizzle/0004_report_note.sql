ALTER TABLE "report" ADD COLUMN "catatan" text;--> statement-breakpoint
ALTER TABLE "report_history" ADD COLUMN "catatan" text;