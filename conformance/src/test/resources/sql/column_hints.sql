-- HINTs of "column does not exist": the closest columns of the FROM items (PostgreSQL's errorMissingColumn)
CREATE TABLE hint_a (unique1 int, unique2 int, label text);
CREATE TABLE hint_b (x int, y int);
SELECT hint_a.x FROM hint_a JOIN hint_b ON (hint_a.unique1 = hint_b.x);
SELECT uunique1 FROM hint_a t1 JOIN hint_a t2 USING (unique2);
SELECT t1.uunique1 FROM hint_a t1 JOIN hint_a t2 USING (unique2);
SELECT t2.labl FROM hint_a t1 JOIN hint_a t2 USING (unique2);
SELECT labell FROM hint_a;
SELECT zzzzzz FROM hint_a;
SELECT uniq FROM hint_a;
SELECT unique3 FROM hint_a;
SELECT (SELECT labl FROM hint_b) FROM hint_a;
SELECT * FROM hint_a WHERE EXISTS (SELECT 1 FROM hint_b WHERE hint_b.lable = 'x');
DROP TABLE hint_a, hint_b;
