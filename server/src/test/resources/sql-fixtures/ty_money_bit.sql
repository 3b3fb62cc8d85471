-- money under lc_monetary C
select '1234.567'::money, '-1234.5'::money, '($12.30)'::money, '$ -1,2,3.4 '::money, '12.3-'::money, '0'::money, '.5'::money, '$1,000,000'::money
select cash_words('1234.56'::money), cash_words('-1.01'::money), cash_words('0'::money), cash_words('100000.00'::money), cash_words('1'::money), cash_words('120.13'::money), cash_words('92233720368547758.07'::money)
select '92233720368547758.07'::money, '-92233720368547758.08'::money
select '92233720368547758.08'::money
select 'x'::money
select '12x'::money
select 1::money, 1::int8::money, 1.235::numeric::money, '12.34'::money::numeric, '$1.00'::money * 2.5, '$1.00'::money / 3, '$1.00'::money / '$3.00'::money, '$5'::money / 0.3::float4
select '$7'::money / 2, '-$7'::money / 2, '$7'::money * 1.005::float8, '$1.01'::money * 0.5::float8, 2::int2 * '$1.5'::money, '$1'::money - '$3'::money, '$1'::money < '$2'::money, '$5'::money / 2::int2, 3 * '$1.10'::money
select '$5'::money / 0
select '$1'::money / 0.0::float8
select '$1'::money / '$0'::money
select '$92233720368547758.07'::money + '$1'::money
select '$1'::money * 1e300::float8
select '$90000000000000000'::money * 2
select 'NaN'::numeric::money
select 1e30::numeric::money
select '-92233720368547758.08'::money / -1
select greatest('$1'::money, '$2'::money), '{$1.00,$2}'::money[]
-- bit strings
select B'1010', X'1F', x'aB', b'', B'1001' || B'11', B'1100' & B'1010', B'1100' | B'1010', B'1100' # B'1010', ~B'1100'
select B'1012'
select X'1G'
select B'1100' << 1, B'1100' >> 3, B'1100' << -1, B'1100' >> -2, B'1100' << 10, B'1' < B'10', B'10' > B'01', B'1'::bit(3) = B'100', B'101' = B'1010', B'101' <> B'1010'
select B'10' & B'1'
select B'10' | B'1'
select B'10' # B'1'
select position(B'01' in B'1001'), position(B'' in B'1001'), position(B'1' in B''), position(B'11' in B'1001')
select substring(B'110101' from 2 for 3), substring(B'110101' from 0 for 3), substring(B'110101' from 4), substring(B'110101' from 10), substring(B'110101' from -5 for 3)
select substring(B'110101' from 2 for -1)
select overlay(B'11111' placing B'00' from 2), overlay(B'11111' placing B'00' from 2 for 3), overlay(B'11111' placing B'0' from 5 for 0)
select overlay(B'11111' placing B'00' from 0)
select get_bit(B'1001', 3), set_bit(B'1001', 1, 1), length(B'10101'), bit_length(B'10101'), octet_length(B'101010101'), bit_count(B'1011')
select get_bit(B'1001', 4)
select set_bit(B'1001', 1, 2)
select B'101'::bit(4), B'101'::bit(2), '101'::bit, B'101'::varbit(2), '1011'::varbit, 5::bit(8), 5::bit(3), (-1)::bit(40), (-2)::int8::bit(70), 5::bit
select B'11111111111111111111111111111111'::int4, B'101'::int8, B'1'::int4
select B'111111111111111111111111111111111'::int4
select cast(B'1010' as bit varying(2)), B'1010'::varbit::bit(3), bitcmp(B'10', B'101'), bitcmp(B'11', B'101')
select greatest(B'01', B'10'), least(B'1'::varbit, B'01'::varbit), '{101,11}'::bit varying[]
