-- ts_filter
SELECT ts_filter('base:7A empir:17 evil:15 first:11 galact:16 hidden:6A rebel:1A spaceship:2A strike:3A victori:12 won:9'::tsvector, '{a}')
SELECT ts_filter('base hidden rebel spaceship strike'::tsvector, '{a}')
SELECT ts_filter('base hidden rebel spaceship strike'::tsvector, '{a,b,NULL}')
select ts_filter('a:1A,2B b:3C c'::tsvector, '{b,C}')
select ts_filter('a:1A'::tsvector, '{x}')
