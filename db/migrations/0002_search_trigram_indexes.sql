CREATE INDEX "articles_headline_trgm_idx" ON "articles" USING gin ("headline" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "authors_name_trgm_idx" ON "authors" USING gin ("name" gin_trgm_ops);