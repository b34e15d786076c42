ALTER TABLE "import_job" ADD COLUMN "worker" text;--> statement-breakpoint
CREATE INDEX "import_job_running_idx" ON "import_job" USING btree ("id") WHERE "import_job"."status" = 'running';