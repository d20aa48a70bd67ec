CREATE TABLE "search_word_sources" (
	"article_id" integer PRIMARY KEY NOT NULL,
	"words" text[] NOT NULL
);
