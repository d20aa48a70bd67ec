CREATE TYPE "public"."desk_note_kind" AS ENUM('note', 'sent_back');--> statement-breakpoint
CREATE TABLE "article_desk_notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"article_id" integer NOT NULL,
	"kind" "desk_note_kind" DEFAULT 'note' NOT NULL,
	"body" text NOT NULL,
	"author_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "breaking_news" (
	"id" serial PRIMARY KEY NOT NULL,
	"headline" text NOT NULL,
	"article_id" integer,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"lifted_at" timestamp with time zone,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "front_placements" (
	"id" serial PRIMARY KEY NOT NULL,
	"section_id" integer,
	"article_id" integer NOT NULL,
	"position" integer NOT NULL,
	"placed_by" text,
	"placed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "front_placements_front_article" UNIQUE NULLS NOT DISTINCT("section_id","article_id")
);
--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "assignee_id" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "sent_back_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "desk_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "article_desk_notes" ADD CONSTRAINT "article_desk_notes_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_desk_notes" ADD CONSTRAINT "article_desk_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breaking_news" ADD CONSTRAINT "breaking_news_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breaking_news" ADD CONSTRAINT "breaking_news_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_placements" ADD CONSTRAINT "front_placements_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_placements" ADD CONSTRAINT "front_placements_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_placements" ADD CONSTRAINT "front_placements_placed_by_users_id_fk" FOREIGN KEY ("placed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_desk_notes_article_idx" ON "article_desk_notes" USING btree ("article_id","created_at");--> statement-breakpoint
CREATE INDEX "breaking_news_live_idx" ON "breaking_news" USING btree ("started_at") WHERE "breaking_news"."lifted_at" is null;--> statement-breakpoint
CREATE INDEX "front_placements_front_idx" ON "front_placements" USING btree ("section_id","position");--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "articles_assignee_idx" ON "articles" USING btree ("assignee_id") WHERE "articles"."assignee_id" is not null;