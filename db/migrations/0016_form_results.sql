CREATE TABLE "form_results" (
	"id" text PRIMARY KEY NOT NULL,
	"form" text NOT NULL,
	"result" jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "form_results_expires_idx" ON "form_results" USING btree ("expires_at");