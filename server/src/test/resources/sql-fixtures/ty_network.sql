-- inet and cidr input and output
select '1.2.3.4'::inet, '1.2.3.4/24'::inet, '10/8'::inet, '10.1/16'::inet, '::1'::inet, '::ffff:1.2.3.4'::inet, '1:2:3:4:5:6:7:8/64'::inet, '::'::inet, 'fe80::1:0:0:0/10'::inet, '1:0:0:1:0:0:0:1'::inet, '::1.2.3.4'::inet, '1::'::inet
select '10'::cidr, '10.1'::cidr, '192.168'::cidr, '224'::cidr, '128.1'::cidr, '10.1.2.3/32'::cidr, '::1'::cidr, '1:2::/32'::cidr, '10.0.0.0/8'::cidr, '0x0a'::cidr, '240'::cidr, '0.0.0.0/0'::cidr
select '1:0:0:0:0:0:0:1'::inet, '1:0:0:1:0:0:1:1'::inet, '0:0:0:0:0:ffff:102:304'::inet, '::ffff:0:0'::inet, '0:0:0:0:1:0:0:0'::inet, 'FFFF::ABCD'::inet, '::0.0.0.1'::inet
select ' 1.2.3.4'::inet
select '1.2.3.4 '::inet
select '10.1.2.3/8'::cidr
select '1.2.3'::inet
select '1.2.3.256'::inet
select '1.2.3.4/33'::inet
select '1::2::3'::inet
select '1:2:3:4:5:6:7:8:9'::inet
select '::1/129'::cidr
select 'abc'::cidr
select '{1.2.3.4,10.0.0.0/8}'::inet[], '{10/8}'::cidr[]
-- functions
select abbrev('10.1.0.0/16'::cidr), abbrev('10.1.2.3/16'::inet), abbrev('1.2.3.4'::inet), abbrev('10.0.0.0/8'::cidr), abbrev('::1/128'::cidr), abbrev('1:2::/32'::cidr), abbrev('10.1.2.0/24'::cidr), abbrev('10.1.2.0/23'::cidr)
select host('1.2.3.4/24'::inet), text('1.2.3.4'::inet), text('10.1.0.0/16'::cidr), '1.2.3.4'::inet::text, host('::1/64'::inet), text('::1'::inet), masklen('1.2.3.4/20'::inet), family('::1'::inet), family('1.2.3.4'::cidr)
select broadcast('192.168.1.5/24'::inet), network('192.168.1.5/24'::inet), netmask('192.168.1.5/20'::inet), hostmask('192.168.1.5/20'::inet), broadcast('::1/100'::inet), netmask('::1/100'::inet), hostmask('::/100'::inet)
select set_masklen('192.168.1.5/24'::inet, 16), set_masklen('192.168.1.0/24'::cidr, 16), set_masklen('1.2.3.4'::inet, -1), set_masklen('::1'::cidr, 64), cidr('192.168.1.5/24'::inet), '1.2.3.4/24'::inet::cidr
select set_masklen('1.2.3.4'::inet, 33)
select inet_same_family('1.2.3.4'::inet, '::1'::inet), inet_merge('192.168.1.5/24'::inet, '192.168.2.5/24'::inet), inet_merge('10.0.0.1'::inet, '10.0.0.2'::inet)
select inet_merge('1.2.3.4'::inet, '::1'::inet)
-- operators
select '1.2.3.4'::inet < '1.2.3.5'::inet, '1.2.3.4/24'::inet < '1.2.3.4'::inet, '1.2.3.4'::inet = '1.2.3.4/32'::inet, '1.2.3.4'::inet <> '::1'::inet, '::1'::inet > '255.255.255.255'::inet, '10.0.0.0/8'::cidr >= '10.0.0.0/16'::cidr
select '192.168.1.5'::inet << '192.168.1.0/24'::inet, '192.168.1.0/24'::inet << '192.168.1.0/24'::inet, '192.168.1.0/24'::inet <<= '192.168.1.0/24'::inet, '192.168.1.0/24'::cidr >> '192.168.1.5'::inet, '192.168.1.0/24'::cidr >>= '192.168.1.0/24'::cidr, '10/8'::cidr && '10.1/16'::cidr, '10/8'::cidr && '11/8'::cidr
select ~'1.2.3.4'::inet, '1.2.3.4'::inet & '0.0.255.255'::inet, '1.2.3.4/8'::inet | '0.0.255.255/16'::inet, '1.2.3.4'::inet + 300, 300 + '1.2.3.4'::inet, '1.2.3.4'::inet - 5, '1.2.3.4'::inet - '1.2.2.255'::inet, '::1'::inet - '::ffff'::inet
select '255.255.255.255'::inet + 1
select '1.2.3.4'::inet & '::1'::inet
select '1.2.3.4'::inet - '::1'::inet
select 'ffff::'::inet - '::1'::inet
select greatest('1.2.3.4'::inet, '10.0.0.1'::inet), least('10/8'::cidr, '9/8'::cidr)
-- macaddr
select '08:00:2b:01:02:03'::macaddr, '08-00-2b-01-02-03'::macaddr, '08002b:010203'::macaddr, '08002b-010203'::macaddr, '0800.2b01.0203'::macaddr, '0800-2b01-0203'::macaddr, '08002b010203'::macaddr, ' 8:0:2B:1:2:3 '::macaddr
select '08:00:2b:01:02:03:04'::macaddr
select '08:00:2b:01:02:100'::macaddr
select 'not a mac'::macaddr
select trunc('08:00:2b:01:02:03'::macaddr), ~'08:00:2b:01:02:03'::macaddr, '08:00:2b:01:02:03'::macaddr & 'ff:ff:ff:00:00:00'::macaddr, '08:00:2b:01:02:03'::macaddr | '00:00:00:ff:ff:ff'::macaddr
select '08:00:2b:01:02:03'::macaddr < '08:00:2b:01:02:04'::macaddr, '08:00:2b:01:02:03'::macaddr = '08:00:2B:01:02:03'::macaddr, 'ff:00:2b:01:02:03'::macaddr > '08:00:2b:01:02:04'::macaddr, '08:00:2b:01:02:03'::macaddr <> '08:00:2b:01:02:04'::macaddr
-- macaddr8
select '08:00:2b:01:02:03:04:05'::macaddr8, '08-00-2b-01-02-03-04-05'::macaddr8, '08002b0102030405'::macaddr8, '0800.2b01.0203.0405'::macaddr8, '08:00:2b:01:02:03'::macaddr8, '  08:00:2b:01:02:03:04:05  '::macaddr8, '08:00:2b:01:02:03:'::macaddr8
select '08:00:2b:01:02:03:04:05:06'::macaddr8
select '08:00-2b:01:02:03:04:05'::macaddr8
select '08:00:2b:01:02:03:04:0g'::macaddr8
select '08:00:2b:01:02:03 x'::macaddr8
select trunc('08:00:2b:01:02:03:04:05'::macaddr8), macaddr8_set7bit('08:00:2b:01:02:03:04:05'::macaddr8), ~'08:00:2b:01:02:03:04:05'::macaddr8, '08:00:2b:01:02:03:04:05'::macaddr8 & 'ff:ff:ff:00:00:00:00:00'::macaddr8, '08:00:2b:01:02:03:04:05'::macaddr8 | '00:00:00:00:00:00:ff:ff'::macaddr8
select '08:00:2b:01:02:03'::macaddr::macaddr8, '08:00:2b:ff:fe:03:04:05'::macaddr8::macaddr, '08:00:2b:01:02:03:04:05'::macaddr8 < '08:00:2b:01:02:03:04:06'::macaddr8, '08:00:2b:01:02:03'::macaddr8 = '08:00:2b:ff:fe:01:02:03'::macaddr8
select '08:00:2b:01:02:03:04:05'::macaddr8::macaddr
select cidr('192.168.1.2/30')
select inet('1.2.3.4'), date('2020-01-02'), int4('12'), text('x'), point('(1,2)'), float8('1e3')
