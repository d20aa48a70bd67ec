ALTER TABLE "articles" ADD COLUMN "saved_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Existing stories: saved when their newest revision was made, or when they were created.
UPDATE "articles" SET "saved_at" = coalesce((SELECT max(r."created_at") FROM "article_revisions" r WHERE r."article_id" = "articles"."id"), "articles"."created_at");--> statement-breakpoint
CREATE INDEX "articles_slug_trgm_idx" ON "articles" USING gin ("slug" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "articles_desk_saved_idx" ON "articles" USING btree ("saved_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "articles_desk_status_saved_idx" ON "articles" USING btree ("status","saved_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "articles_desk_counts_idx" ON "articles" USING btree ("section_id","status","published_at","unpublish_at");