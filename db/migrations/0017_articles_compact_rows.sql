-- Compact article rows (docs/adr/0033): a row longer than 512 bytes has its longest values (the body, the search
-- vector) compressed and stored out of line, so the table itself holds the short columns every list, count and
-- search filter reads: 24 MB instead of 352 MB at 100,000 stories, which stays in PostgreSQL's buffers. Rows are
-- laid out this way when written; an archive written before this migration is rewritten by `VACUUM FULL articles`
-- (docs/deploy.md).
ALTER TABLE "articles" SET (toast_tuple_target = 512);
