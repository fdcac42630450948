NAME tiny
ROWS
 N  _OBJ_
 E  r0
 G  r1
 L  r2
 G  r3
COLUMNS
    c0 _OBJ_ 1
    c0 r0 1
    c0 r3 0.25
    c1 _OBJ_ -0.5
    c1 r0 1
    c1 r1 -1
    c2 _OBJ_ 2
    c2 r1 1
    c2 r2 1
    c3 r2 -1
    c3 r3 1
    c4 _OBJ_ 3
RHS
    RHS _OBJ_ -7
    RHS r0 4
    RHS r1 -1
    RHS r2 6
    RHS r3 1
RANGES
    RNG r1 3.5
BOUNDS
 LO BND c1 -2
 UP BND c1 3
 MI BND c2
 UP BND c2 8
 FR BND c3
 FX BND c4 1.5
ENDATA
