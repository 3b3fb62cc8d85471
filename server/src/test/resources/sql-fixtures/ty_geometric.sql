-- geometric types: input forms, output with extra_float_digits, errors
select '(1,2)'::point, ' ( 1.5 , -2e3 ) '::point, '3,4'::point, '(NaN,Infinity)'::point, '(-0,1e-300)'::point
select '(1,2'::point
select 'x'::point
select '(1,2) x'::point
select '(1e400,2)'::point
select '[(1,2),(3,4)]'::lseg, '(1,2),(3,4)'::lseg, '1,2,3,4'::lseg, '((1,2),(3,4))'::lseg
select '(1,2),(3,4),(5,6)'::lseg
select '(3,4),(1,2)'::box, '(1,4),(3,2)'::box, '1,2,3,4'::box, '((0,0),(1,1))'::box
select '[(1,2),(3,4)]'::box
select '{1,2,3}'::line, '[(0,0),(1,1)]'::line, '(0,0),(0,5)'::line, '((1,2),(3,2))'::line, '{0.5,-1,0}'::line
select '{0,0,1}'::line
select '[(1,1),(1,1)]'::line
select '{1,2}'::line
select '[(0,0),(1,1),(2,0)]'::path, '((0,0),(1,1),(2,0))'::path, '(0,0),(1,1)'::path, '(0,0,1,1,2,2)'::path, '[1,2,3,4]'::path
select '(0,0),(1,1'::path
select '[(0,0)'::path
select '((0,0),(1,1),(2,0))'::polygon, '(0,0),(1,1),(2,0)'::polygon, '0,0,1,1'::polygon, '(0,0,1,1,2,0)'::polygon
select '[(0,0),(1,1)]'::polygon
select '(0,0),(1'::polygon
select '<(1,2),3>'::circle, '((1,2),3)'::circle, '(1,2),3'::circle, '1,2,3'::circle, ' < ( 1 , 2 ) , 3 > '::circle
select '<(1,2),-3>'::circle
select '<(1,2),3'::circle
select '(1,2),3>'::circle
select point '(0.1,0.2)', box '(0.1,0.2),(0.3,0.4)', circle '<(1,1),0.1>', '{1,2,3}'::line[], '{(1,2),(3,4)}'::point[]
select '{(1,1),(0,0);(2,2),(3,3)}'::box[]
-- point operators
select point '(1,2)' + point '(3,4)', point '(1,2)' - point '(3,4)', point '(1,2)' * point '(3,4)', point '(1,2)' / point '(3,4)'
select point '(1,2)' / point '(0,0)'
select point '(0,0)' <-> point '(3,4)', point '(1,1)' << point '(2,2)', point '(1,1)' >> point '(2,2)', point '(1,1)' <^ point '(1,2)', point '(1,1)' >^ point '(1,2)'
select point '(1,1)' ?- point '(2,1)', point '(1,1)' ?| point '(1,2)', point '(1,1)' ~= point '(1.0000001,1)', point '(1,1)' ~= point '(1.1,1)', point '(NaN,1)' ~= point '(NaN,1)'
select point(1, 2), point(box '(0,0),(2,4)'), point(lseg '[(0,0),(2,4)]'), point(circle '<(5,6),1>'), point(polygon '((0,0),(2,0),(2,2),(0,2))')
select slope(point '(0,0)', point '(2,1)'), slope(point '(0,0)', point '(0,1)'), slope(point '(0,0)', point '(1,0)')
select point '(1e300,1e300)' * point '(1e300,1e300)'
-- lseg and line
select lseg(point '(0,0)', point '(1,1)'), length(lseg '[(0,0),(3,4)]'), lseg '[(0,0),(2,2)]' ?# lseg '[(0,2),(2,0)]', lseg '[(0,0),(2,2)]' # lseg '[(0,2),(2,0)]'
select lseg '[(0,0),(1,0)]' ?|| lseg '[(0,1),(1,1)]', lseg '[(0,0),(1,0)]' ?-| lseg '[(0,0),(0,1)]', ?- lseg '[(0,0),(1,0)]', ?| lseg '[(0,0),(0,1)]'
select lseg '[(0,0),(1,0)]' = lseg '[(0,0),(1,0)]', lseg '[(0,0),(1,0)]' <> lseg '[(0,0),(2,0)]', lseg '[(0,0),(1,0)]' < lseg '[(0,0),(2,0)]', lseg '[(0,0),(1,0)]' >= lseg '[(0,0),(2,0)]'
select lseg '[(0,0),(1,0)]' <-> lseg '[(0,2),(1,3)]', @@ lseg '[(0,0),(2,4)]', lseg '[(0,0),(1,0)]' # lseg '[(0,1),(1,1)]'
select line(point '(0,0)', point '(1,1)'), line(point '(0,0)', point '(0,1)'), line '{1,-1,0}' ?# line '{1,1,0}', line '{1,-1,0}' # line '{1,1,0}', line '{1,-1,0}' ?|| line '{1,-1,5}'
select line '{1,-1,0}' ?-| line '{1,1,0}', ?- line '{0,1,3}', ?| line '{1,0,3}', line '{1,-1,0}' = line '{2,-2,0}', line '{1,-1,0}' <-> line '{1,-1,5}'
select line(point '(1,1)', point '(1,1)')
-- box operators and functions
select box '(2,2),(0,0)' && box '(3,3),(1,1)', box '(2,2),(0,0)' @> box '(1,1),(0.5,0.5)', box '(1,1),(0.5,0.5)' <@ box '(2,2),(0,0)', box '(2,2),(0,0)' ~= box '(0,0),(2,2)'
select box '(1,1),(0,0)' << box '(3,3),(2,2)', box '(1,1),(0,0)' >> box '(3,3),(2,2)', box '(1,1),(0,0)' &< box '(3,3),(2,2)', box '(1,1),(0,0)' &> box '(3,3),(2,2)'
select box '(1,1),(0,0)' <<| box '(3,3),(2,2)', box '(1,1),(0,0)' |>> box '(3,3),(2,2)', box '(1,1),(0,0)' &<| box '(3,3),(2,2)', box '(1,1),(0,0)' |&> box '(3,3),(2,2)', box '(1,1),(0,0)' <^ box '(3,3),(1,1)', box '(3,3),(1,1)' >^ box '(1,1),(0,0)'
select box '(1,1),(0,0)' < box '(3,3),(0,0)', box '(1,1),(0,0)' = box '(2,2),(1,1)', box '(1,1),(0,0)' <= box '(3,3),(0,0)', box '(1,1),(0,0)' > box '(3,3),(0,0)', box '(1,1),(0,0)' >= box '(3,3),(0,0)'
select area(box '(2,3),(0,0)'), width(box '(2,3),(0,0)'), height(box '(2,3),(0,0)'), center(box '(2,3),(0,0)'), @@ box '(2,3),(0,0)', box '(2,2),(0,0)' <-> box '(5,6),(3,4)'
select box '(2,2),(0,0)' # box '(3,3),(1,1)', box '(2,2),(0,0)' # box '(5,5),(4,4)', diagonal(box '(2,2),(0,0)'), box(point '(1,2)', point '(0,5)'), box(point '(1,1)'), bound_box(box '(1,1),(0,0)', box '(5,5),(4,4)')
select box '(2,2),(0,0)' + point '(1,1)', box '(2,2),(0,0)' - point '(1,1)', box '(2,2),(1,1)' * point '(2,0)', box '(2,2),(1,1)' / point '(2,0)'
select box(circle '<(0,0),1>'), box(polygon '((0,0),(2,1),(1,3))'), polygon(box '(2,2),(0,0)'), circle(box '(2,2),(0,0)'), lseg(box '(2,2),(0,0)')
select box '(2,2),(0,0)' @> point '(1,1)', point '(1,1)' <@ box '(2,2),(0,0)', point '(3,1)' <@ box '(2,2),(0,0)', point '(3,1)' <-> box '(2,2),(0,0)', point '(3,3)' ## box '(2,2),(0,0)'
-- path
select npoints(path '[(0,0),(1,1),(2,0)]'), isclosed(path '[(0,0),(1,1)]'), isopen(path '[(0,0),(1,1)]'), pclose(path '[(0,0),(1,1)]'), popen(path '((0,0),(1,1))')
select length(path '[(0,0),(3,4),(3,0)]'), length(path '((0,0),(3,4),(3,0))'), area(path '((0,0),(4,0),(4,3))'), area(path '[(0,0),(4,0),(4,3)]'), @-@ path '[(0,0),(3,4)]'
select path '[(0,0),(1,1)]' + path '[(2,2),(3,3)]', path '((0,0),(1,1))' + path '[(2,2),(3,3)]', path '[(0,0),(1,1)]' + point '(1,1)', path '[(0,0),(1,1)]' * point '(0,1)', path '[(2,2),(1,1)]' / point '(2,0)'
select path '[(0,0),(2,2)]' ?# path '[(0,2),(2,0)]', path '[(0,0),(1,1)]' ?# path '[(5,5),(6,6)]', path '[(0,0),(1,1)]' <-> path '[(3,1),(3,5)]', point '(1,1)' <@ path '[(0,0),(2,2)]', path '[(0,0),(2,2)]' @> point '(1,0)'
select path '[(0,0),(1,1)]' < path '[(0,0),(1,1),(2,2)]', path '[(0,0),(1,1)]' = path '((5,5),(6,6))', path '[(0,0),(1,1)]' >= path '[(0,0)]', point '(1,1)' <-> path '[(0,0),(2,0)]', polygon(path '((0,0),(1,1),(2,0))')
select polygon(path '[(0,0),(1,1),(2,0)]')
-- polygon
select npoints(polygon '((0,0),(1,1),(2,0))'), center(polygon '((0,0),(2,0),(2,2),(0,2))'), path(polygon '((0,0),(1,1),(2,0))'), circle(polygon '((0,0),(2,0),(2,2),(0,2))')
select polygon '((0,0),(2,0),(2,2),(0,2))' @> point '(1,1)', polygon '((0,0),(2,0),(2,2),(0,2))' @> point '(2,1)', point '(3,3)' <@ polygon '((0,0),(2,0),(2,2),(0,2))', point '(3,3)' <-> polygon '((0,0),(2,0),(2,2),(0,2))'
select polygon '((0,0),(2,0),(2,2),(0,2))' && polygon '((1,1),(3,1),(3,3),(1,3))', polygon '((0,0),(2,0),(2,2),(0,2))' && polygon '((5,5),(6,5),(6,6))', polygon '((0,0),(4,0),(4,4),(0,4))' @> polygon '((1,1),(2,1),(2,2))', polygon '((1,1),(2,1),(2,2))' <@ polygon '((0,0),(4,0),(4,4),(0,4))'
select polygon '((0,0),(2,0),(2,2),(0,2))' ~= polygon '((2,2),(0,2),(0,0),(2,0))', polygon '((0,0),(2,0),(2,2),(0,2))' ~= polygon '((0,2),(2,2),(2,0),(0,0))', polygon '((0,0),(1,1),(2,0))' ~= polygon '((0,0),(1,1))'
select polygon '((0,0),(1,0),(1,1))' << polygon '((2,0),(3,0),(3,1))', polygon '((0,0),(1,0),(1,1))' &< polygon '((2,0),(3,0),(3,1))', polygon '((0,0),(1,0),(1,1))' >> polygon '((2,0),(3,0),(3,1))', polygon '((0,0),(1,0),(1,1))' <<| polygon '((0,2),(1,2),(1,3))', polygon '((0,0),(1,0),(1,1))' |&> polygon '((0,2),(1,2),(1,3))'
select polygon '((0,0),(1,0),(1,1))' <-> polygon '((3,0),(4,0),(4,1))', polygon(4, circle '<(0,0),1>'), polygon(circle '<(1,1),2>')
select polygon(1, circle '<(0,0),1>')
select polygon(4, circle '<(0,0),0>')
-- circle
select area(circle '<(0,0),1>'), diameter(circle '<(0,0),1.5>'), radius(circle '<(0,0),1.5>'), center(circle '<(1,2),3>'), circle(point '(1,2)', 3), @@ circle '<(1,2),3>'
select circle '<(0,0),1>' <-> circle '<(5,0),1>', circle '<(0,0),1>' && circle '<(1.5,0),1>', circle '<(0,0),3>' @> circle '<(1,0),1>', circle '<(1,0),1>' <@ circle '<(0,0),3>', circle '<(0,0),1>' ~= circle '<(0,0),1.0000001>'
select circle '<(0,0),1>' << circle '<(5,0),1>', circle '<(0,0),1>' >> circle '<(5,0),1>', circle '<(0,0),1>' &< circle '<(5,0),1>', circle '<(0,0),1>' &> circle '<(5,0),1>', circle '<(0,0),1>' <<| circle '<(0,5),1>', circle '<(0,0),1>' |>> circle '<(0,5),1>'
select circle '<(0,0),1>' &<| circle '<(0,5),1>', circle '<(0,0),1>' |&> circle '<(0,5),1>', circle '<(0,0),1>' < circle '<(5,0),2>', circle '<(0,0),1>' = circle '<(5,0),1>', circle '<(0,0),1>' <> circle '<(5,0),1>', circle '<(0,0),1>' >= circle '<(5,0),2>'
select circle '<(1,1),1>' + point '(1,1)', circle '<(1,1),1>' - point '(1,1)', circle '<(1,1),1>' * point '(0,2)', circle '<(1,1),1>' / point '(0,2)', circle(polygon '((0,0),(2,0),(2,2),(0,2))')
select circle '<(0,0),2>' @> point '(1,1)', point '(3,3)' <@ circle '<(0,0),2>', point '(3,4)' <-> circle '<(0,0),2>', circle '<(0,0),2>' <-> point '(3,4)', circle '<(0,0),1>' <-> polygon '((3,0),(4,0),(4,1))'
-- distances, closest points and intersections between types
select point '(1,1)' <-> line '{1,-1,1}', line '{0,1,-3}' <-> point '(1,1)', point '(3,3)' <-> lseg '[(0,0),(2,0)]', lseg '[(0,0),(2,0)]' <-> point '(1,3)', lseg '[(0,5),(2,5)]' <-> line '{0,1,0}'
select lseg '[(5,5),(6,6)]' <-> box '(2,2),(0,0)', box '(2,2),(0,0)' <-> lseg '[(5,5),(6,6)]', point '(1,1)' ## line '{1,-1,1}', point '(3,3)' ## lseg '[(0,0),(2,0)]', lseg '[(0,3),(3,3)]' ## box '(2,2),(0,0)'
select lseg '[(0,0),(1,1)]' ## lseg '[(0,3),(3,2)]', line '{0,1,-1}' ## lseg '[(0,3),(3,2)]', point '(1,1)' <@ line '{1,-1,0}', point '(1,1)' <@ lseg '[(0,0),(2,2)]', lseg '[(0,0),(1,1)]' <@ line '{1,-1,0}', lseg '[(0,0),(1,1)]' <@ box '(2,2),(0,0)'
select lseg '[(0,0),(3,3)]' ?# line '{1,1,-2}', lseg '[(0,0),(3,3)]' ?# box '(2,2),(1,1)', line '{1,1,-2}' ?# box '(2,2),(0,0)', lseg '[(-1,0),(1,0)]' <-> lseg '[(0,1),(0,3)]'
