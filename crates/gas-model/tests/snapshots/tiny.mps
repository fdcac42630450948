NAME gasbuffer
ROWS
 N  _OBJ_
 E  zone_balance[AA][2021-10-01]
 E  zone_balance[AA][2021-10-02]
 E  zone_balance[AB][2021-10-01]
 E  zone_balance[AB][2021-10-02]
 E  lng_pool[2021-10-01]
 E  lng_pool[2021-10-02]
 E  storage_balance[UGS-AA][2021-10-01]
 E  storage_balance[UGS-AA][2021-10-02]
 E  storage_balance[UGS-AB][2021-10-01]
 E  storage_balance[UGS-AB][2021-10-02]
COLUMNS
    pipeline_flow[AA>AB][2021-10-01] _OBJ_ 0.5702438806512089
    pipeline_flow[AA>AB][2021-10-01] zone_balance[AA][2021-10-01] -1
    pipeline_flow[AA>AB][2021-10-01] zone_balance[AB][2021-10-01] 1
    pipeline_flow[AA>AB][2021-10-02] _OBJ_ 0.5702438806512089
    pipeline_flow[AA>AB][2021-10-02] zone_balance[AA][2021-10-02] -1
    pipeline_flow[AA>AB][2021-10-02] zone_balance[AB][2021-10-02] 1
    pipeline_flow[AB>AA][2021-10-01] _OBJ_ 0.9128825806772383
    pipeline_flow[AB>AA][2021-10-01] zone_balance[AB][2021-10-01] -1
    pipeline_flow[AB>AA][2021-10-01] zone_balance[AA][2021-10-01] 1
    pipeline_flow[AB>AA][2021-10-02] _OBJ_ 0.9128825806772383
    pipeline_flow[AB>AA][2021-10-02] zone_balance[AB][2021-10-02] -1
    pipeline_flow[AB>AA][2021-10-02] zone_balance[AA][2021-10-02] 1
    route_flow[RU-0][2021-10-01] _OBJ_ 31.528407715515076
    route_flow[RU-0][2021-10-01] zone_balance[AA][2021-10-01] 1
    route_flow[RU-0][2021-10-02] _OBJ_ 31.619845063301202
    route_flow[RU-0][2021-10-02] zone_balance[AA][2021-10-02] 1
    route_flow[NO-1][2021-10-01] _OBJ_ 30.914615337328197
    route_flow[NO-1][2021-10-01] zone_balance[AB][2021-10-01] 1
    route_flow[NO-1][2021-10-02] _OBJ_ 31.004272590551377
    route_flow[NO-1][2021-10-02] zone_balance[AB][2021-10-02] 1
    route_flow[DZ-2][2021-10-01] _OBJ_ 26.705375484144835
    route_flow[DZ-2][2021-10-01] zone_balance[AB][2021-10-01] 1
    route_flow[DZ-2][2021-10-02] _OBJ_ 26.782825278880306
    route_flow[DZ-2][2021-10-02] zone_balance[AB][2021-10-02] 1
    route_flow[AZ-3][2021-10-01] _OBJ_ 26.759090912479028
    route_flow[AZ-3][2021-10-01] zone_balance[AA][2021-10-01] 1
    route_flow[AZ-3][2021-10-02] _OBJ_ 26.836696490416315
    route_flow[AZ-3][2021-10-02] zone_balance[AA][2021-10-02] 1
    route_flow[LY-4][2021-10-01] _OBJ_ 26.56609489356078
    route_flow[LY-4][2021-10-01] zone_balance[AA][2021-10-01] 1
    route_flow[LY-4][2021-10-02] _OBJ_ 26.643140752648247
    route_flow[LY-4][2021-10-02] zone_balance[AA][2021-10-02] 1
    route_flow[RU-5][2021-10-01] _OBJ_ 24.916176403998204
    route_flow[RU-5][2021-10-01] zone_balance[AB][2021-10-01] 1
    route_flow[RU-5][2021-10-02] _OBJ_ 24.98843723962016
    route_flow[RU-5][2021-10-02] zone_balance[AB][2021-10-02] 1
    route_flow[NO-6][2021-10-01] _OBJ_ 33.33939702903598
    route_flow[NO-6][2021-10-01] zone_balance[AA][2021-10-01] 1
    route_flow[NO-6][2021-10-02] _OBJ_ 33.436086531044154
    route_flow[NO-6][2021-10-02] zone_balance[AA][2021-10-02] 1
    route_flow[DZ-7][2021-10-01] _OBJ_ 25.5043694898973
    route_flow[DZ-7][2021-10-01] zone_balance[AA][2021-10-01] 1
    route_flow[DZ-7][2021-10-02] _OBJ_ 25.578336178102933
    route_flow[DZ-7][2021-10-02] zone_balance[AA][2021-10-02] 1
    route_flow[AZ-8][2021-10-01] _OBJ_ 31.801393636126978
    route_flow[AZ-8][2021-10-01] zone_balance[AA][2021-10-01] 1
    route_flow[AZ-8][2021-10-02] _OBJ_ 31.89362268607545
    route_flow[AZ-8][2021-10-02] zone_balance[AA][2021-10-02] 1
    route_flow[LY-9][2021-10-01] _OBJ_ 24.25632501735625
    route_flow[LY-9][2021-10-01] zone_balance[AA][2021-10-01] 1
    route_flow[LY-9][2021-10-02] _OBJ_ 24.326672180036905
    route_flow[LY-9][2021-10-02] zone_balance[AA][2021-10-02] 1
    route_flow[RU-10][2021-10-01] _OBJ_ 23.354554956242023
    route_flow[RU-10][2021-10-01] zone_balance[AB][2021-10-01] 1
    route_flow[RU-10][2021-10-02] _OBJ_ 23.422286843725615
    route_flow[RU-10][2021-10-02] zone_balance[AB][2021-10-02] 1
    route_flow[NO-11][2021-10-01] _OBJ_ 29.650759279063173
    route_flow[NO-11][2021-10-01] zone_balance[AA][2021-10-01] 1
    route_flow[NO-11][2021-10-02] _OBJ_ 29.736751150672607
    route_flow[NO-11][2021-10-02] zone_balance[AA][2021-10-02] 1
    route_flow[DZ-12][2021-10-01] _OBJ_ 24.67642589728972
    route_flow[DZ-12][2021-10-01] zone_balance[AB][2021-10-01] 1
    route_flow[DZ-12][2021-10-02] _OBJ_ 24.7479914186839
    route_flow[DZ-12][2021-10-02] zone_balance[AB][2021-10-02] 1
    route_flow[AZ-13][2021-10-01] _OBJ_ 31.401920956028167
    route_flow[AZ-13][2021-10-01] zone_balance[AA][2021-10-01] 1
    route_flow[AZ-13][2021-10-02] _OBJ_ 31.492991472291376
    route_flow[AZ-13][2021-10-02] zone_balance[AA][2021-10-02] 1
    route_flow[LY-14][2021-10-01] _OBJ_ 23.66554347320733
    route_flow[LY-14][2021-10-01] zone_balance[AB][2021-10-01] 1
    route_flow[LY-14][2021-10-02] _OBJ_ 23.734177276367724
    route_flow[LY-14][2021-10-02] zone_balance[AB][2021-10-02] 1
    lng_tranche[US][0][2021-10-01] _OBJ_ 48.638091032280514
    lng_tranche[US][0][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[US][1][2021-10-01] _OBJ_ 63.22951834196467
    lng_tranche[US][1][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[US][2][2021-10-01] _OBJ_ 87.54856385810493
    lng_tranche[US][2][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[QA][0][2021-10-01] _OBJ_ 49.140244334349035
    lng_tranche[QA][0][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[QA][1][2021-10-01] _OBJ_ 63.882317634653745
    lng_tranche[QA][1][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[QA][2][2021-10-01] _OBJ_ 88.45243980182826
    lng_tranche[QA][2][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[RU][0][2021-10-01] _OBJ_ 53.41073881816085
    lng_tranche[RU][0][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[RU][1][2021-10-01] _OBJ_ 69.43396046360911
    lng_tranche[RU][1][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[RU][2][2021-10-01] _OBJ_ 96.13932987268953
    lng_tranche[RU][2][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[NG][0][2021-10-01] _OBJ_ 59.61180690312493
    lng_tranche[NG][0][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[NG][1][2021-10-01] _OBJ_ 77.49534897406241
    lng_tranche[NG][1][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[NG][2][2021-10-01] _OBJ_ 107.30125242562488
    lng_tranche[NG][2][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[DZ][0][2021-10-01] _OBJ_ 59.42216336065526
    lng_tranche[DZ][0][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[DZ][1][2021-10-01] _OBJ_ 77.24881236885184
    lng_tranche[DZ][1][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[DZ][2][2021-10-01] _OBJ_ 106.95989404917947
    lng_tranche[DZ][2][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[NO][0][2021-10-01] _OBJ_ 40.95477970924704
    lng_tranche[NO][0][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[NO][1][2021-10-01] _OBJ_ 53.24121362202116
    lng_tranche[NO][1][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[NO][2][2021-10-01] _OBJ_ 73.71860347664467
    lng_tranche[NO][2][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[EG][0][2021-10-01] _OBJ_ 50.80424268886988
    lng_tranche[EG][0][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[EG][1][2021-10-01] _OBJ_ 66.04551549553084
    lng_tranche[EG][1][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[EG][2][2021-10-01] _OBJ_ 91.44763683996578
    lng_tranche[EG][2][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[TT][0][2021-10-01] _OBJ_ 59.472668124073635
    lng_tranche[TT][0][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[TT][1][2021-10-01] _OBJ_ 77.31446856129573
    lng_tranche[TT][1][2021-10-01] lng_pool[2021-10-01] 1
    lng_tranche[TT][2][2021-10-01] _OBJ_ 107.05080262333254
    lng_tranche[TT][2][2021-10-01] lng_pool[2021-10-01] 1
    lng_sendout[LNG-AA][2021-10-01] lng_pool[2021-10-01] -1
    lng_sendout[LNG-AA][2021-10-01] zone_balance[AA][2021-10-01] 1
    lng_tranche[US][0][2021-10-02] _OBJ_ 48.638091032280514
    lng_tranche[US][0][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[US][1][2021-10-02] _OBJ_ 63.22951834196467
    lng_tranche[US][1][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[US][2][2021-10-02] _OBJ_ 87.54856385810493
    lng_tranche[US][2][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[QA][0][2021-10-02] _OBJ_ 49.140244334349035
    lng_tranche[QA][0][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[QA][1][2021-10-02] _OBJ_ 63.882317634653745
    lng_tranche[QA][1][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[QA][2][2021-10-02] _OBJ_ 88.45243980182826
    lng_tranche[QA][2][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[RU][0][2021-10-02] _OBJ_ 53.41073881816085
    lng_tranche[RU][0][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[RU][1][2021-10-02] _OBJ_ 69.43396046360911
    lng_tranche[RU][1][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[RU][2][2021-10-02] _OBJ_ 96.13932987268953
    lng_tranche[RU][2][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[NG][0][2021-10-02] _OBJ_ 59.61180690312493
    lng_tranche[NG][0][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[NG][1][2021-10-02] _OBJ_ 77.49534897406241
    lng_tranche[NG][1][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[NG][2][2021-10-02] _OBJ_ 107.30125242562488
    lng_tranche[NG][2][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[DZ][0][2021-10-02] _OBJ_ 59.42216336065526
    lng_tranche[DZ][0][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[DZ][1][2021-10-02] _OBJ_ 77.24881236885184
    lng_tranche[DZ][1][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[DZ][2][2021-10-02] _OBJ_ 106.95989404917947
    lng_tranche[DZ][2][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[NO][0][2021-10-02] _OBJ_ 40.95477970924704
    lng_tranche[NO][0][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[NO][1][2021-10-02] _OBJ_ 53.24121362202116
    lng_tranche[NO][1][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[NO][2][2021-10-02] _OBJ_ 73.71860347664467
    lng_tranche[NO][2][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[EG][0][2021-10-02] _OBJ_ 50.80424268886988
    lng_tranche[EG][0][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[EG][1][2021-10-02] _OBJ_ 66.04551549553084
    lng_tranche[EG][1][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[EG][2][2021-10-02] _OBJ_ 91.44763683996578
    lng_tranche[EG][2][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[TT][0][2021-10-02] _OBJ_ 59.472668124073635
    lng_tranche[TT][0][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[TT][1][2021-10-02] _OBJ_ 77.31446856129573
    lng_tranche[TT][1][2021-10-02] lng_pool[2021-10-02] 1
    lng_tranche[TT][2][2021-10-02] _OBJ_ 107.05080262333254
    lng_tranche[TT][2][2021-10-02] lng_pool[2021-10-02] 1
    lng_sendout[LNG-AA][2021-10-02] lng_pool[2021-10-02] -1
    lng_sendout[LNG-AA][2021-10-02] zone_balance[AA][2021-10-02] 1
    production[AA][2021-10-01] _OBJ_ 15.471792505292004
    production[AA][2021-10-01] zone_balance[AA][2021-10-01] 1
    production[AA][2021-10-02] _OBJ_ 15.471792505292004
    production[AA][2021-10-02] zone_balance[AA][2021-10-02] 1
    storage_injection[UGS-AA][2021-10-01] _OBJ_ 0.050000100000000006
    storage_injection[UGS-AA][2021-10-01] zone_balance[AA][2021-10-01] -1
    storage_injection[UGS-AA][2021-10-01] storage_balance[UGS-AA][2021-10-01] 1
    storage_withdrawal[UGS-AA][2021-10-01] _OBJ_ 0.050000100000000006
    storage_withdrawal[UGS-AA][2021-10-01] storage_balance[UGS-AA][2021-10-01] -1
    storage_withdrawal[UGS-AA][2021-10-01] zone_balance[AA][2021-10-01] 1
    storage_level[UGS-AA][0][2021-10-01] _OBJ_ -0.0008
    storage_level[UGS-AA][0][2021-10-01] storage_balance[UGS-AA][2021-10-01] -1
    storage_level[UGS-AA][0][2021-10-01] storage_balance[UGS-AA][2021-10-02] 1
    storage_level[UGS-AA][1][2021-10-01] _OBJ_ -0.0007
    storage_level[UGS-AA][1][2021-10-01] storage_balance[UGS-AA][2021-10-01] -1
    storage_level[UGS-AA][1][2021-10-01] storage_balance[UGS-AA][2021-10-02] 1
    storage_level[UGS-AA][2][2021-10-01] _OBJ_ -0.0006000000000000001
    storage_level[UGS-AA][2][2021-10-01] storage_balance[UGS-AA][2021-10-01] -1
    storage_level[UGS-AA][2][2021-10-01] storage_balance[UGS-AA][2021-10-02] 1
    storage_level[UGS-AA][3][2021-10-01] _OBJ_ -0.0005
    storage_level[UGS-AA][3][2021-10-01] storage_balance[UGS-AA][2021-10-01] -1
    storage_level[UGS-AA][3][2021-10-01] storage_balance[UGS-AA][2021-10-02] 1
    storage_level[UGS-AA][4][2021-10-01] _OBJ_ -0.0004
    storage_level[UGS-AA][4][2021-10-01] storage_balance[UGS-AA][2021-10-01] -1
    storage_level[UGS-AA][4][2021-10-01] storage_balance[UGS-AA][2021-10-02] 1
    storage_level[UGS-AA][5][2021-10-01] _OBJ_ -0.00030000000000000003
    storage_level[UGS-AA][5][2021-10-01] storage_balance[UGS-AA][2021-10-01] -1
    storage_level[UGS-AA][5][2021-10-01] storage_balance[UGS-AA][2021-10-02] 1
    storage_level[UGS-AA][6][2021-10-01] _OBJ_ -0.0002
    storage_level[UGS-AA][6][2021-10-01] storage_balance[UGS-AA][2021-10-01] -1
    storage_level[UGS-AA][6][2021-10-01] storage_balance[UGS-AA][2021-10-02] 1
    storage_level[UGS-AA][7][2021-10-01] _OBJ_ -0.0001
    storage_level[UGS-AA][7][2021-10-01] storage_balance[UGS-AA][2021-10-01] -1
    storage_level[UGS-AA][7][2021-10-01] storage_balance[UGS-AA][2021-10-02] 1
    storage_injection[UGS-AA][2021-10-02] _OBJ_ 0.050000100000000006
    storage_injection[UGS-AA][2021-10-02] zone_balance[AA][2021-10-02] -1
    storage_injection[UGS-AA][2021-10-02] storage_balance[UGS-AA][2021-10-02] 1
    storage_withdrawal[UGS-AA][2021-10-02] _OBJ_ 0.05000020000000001
    storage_withdrawal[UGS-AA][2021-10-02] storage_balance[UGS-AA][2021-10-02] -1
    storage_withdrawal[UGS-AA][2021-10-02] zone_balance[AA][2021-10-02] 1
    storage_level[UGS-AA][0][2021-10-02] _OBJ_ -52.992080934448225
    storage_level[UGS-AA][0][2021-10-02] storage_balance[UGS-AA][2021-10-02] -1
    storage_level[UGS-AA][1][2021-10-02] _OBJ_ -52.99198093444823
    storage_level[UGS-AA][1][2021-10-02] storage_balance[UGS-AA][2021-10-02] -1
    storage_level[UGS-AA][2][2021-10-02] _OBJ_ -52.991880934448226
    storage_level[UGS-AA][2][2021-10-02] storage_balance[UGS-AA][2021-10-02] -1
    storage_level[UGS-AA][3][2021-10-02] _OBJ_ -52.99178093444823
    storage_level[UGS-AA][3][2021-10-02] storage_balance[UGS-AA][2021-10-02] -1
    storage_level[UGS-AA][4][2021-10-02] _OBJ_ -52.991680934448226
    storage_level[UGS-AA][4][2021-10-02] storage_balance[UGS-AA][2021-10-02] -1
    storage_level[UGS-AA][5][2021-10-02] _OBJ_ -52.99158093444823
    storage_level[UGS-AA][5][2021-10-02] storage_balance[UGS-AA][2021-10-02] -1
    storage_level[UGS-AA][6][2021-10-02] _OBJ_ -52.99148093444823
    storage_level[UGS-AA][6][2021-10-02] storage_balance[UGS-AA][2021-10-02] -1
    storage_level[UGS-AA][7][2021-10-02] _OBJ_ -52.99138093444823
    storage_level[UGS-AA][7][2021-10-02] storage_balance[UGS-AA][2021-10-02] -1
    storage_injection[UGS-AB][2021-10-01] _OBJ_ 0.0500002
    storage_injection[UGS-AB][2021-10-01] zone_balance[AB][2021-10-01] -1
    storage_injection[UGS-AB][2021-10-01] storage_balance[UGS-AB][2021-10-01] 1
    storage_withdrawal[UGS-AB][2021-10-01] _OBJ_ 0.0500002
    storage_withdrawal[UGS-AB][2021-10-01] storage_balance[UGS-AB][2021-10-01] -1
    storage_withdrawal[UGS-AB][2021-10-01] zone_balance[AB][2021-10-01] 1
    storage_level[UGS-AB][0][2021-10-01] _OBJ_ -0.0008
    storage_level[UGS-AB][0][2021-10-01] storage_balance[UGS-AB][2021-10-01] -1
    storage_level[UGS-AB][0][2021-10-01] storage_balance[UGS-AB][2021-10-02] 1
    storage_level[UGS-AB][1][2021-10-01] _OBJ_ -0.0007
    storage_level[UGS-AB][1][2021-10-01] storage_balance[UGS-AB][2021-10-01] -1
    storage_level[UGS-AB][1][2021-10-01] storage_balance[UGS-AB][2021-10-02] 1
    storage_level[UGS-AB][2][2021-10-01] _OBJ_ -0.0006000000000000001
    storage_level[UGS-AB][2][2021-10-01] storage_balance[UGS-AB][2021-10-01] -1
    storage_level[UGS-AB][2][2021-10-01] storage_balance[UGS-AB][2021-10-02] 1
    storage_level[UGS-AB][3][2021-10-01] _OBJ_ -0.0005
    storage_level[UGS-AB][3][2021-10-01] storage_balance[UGS-AB][2021-10-01] -1
    storage_level[UGS-AB][3][2021-10-01] storage_balance[UGS-AB][2021-10-02] 1
    storage_level[UGS-AB][4][2021-10-01] _OBJ_ -0.0004
    storage_level[UGS-AB][4][2021-10-01] storage_balance[UGS-AB][2021-10-01] -1
    storage_level[UGS-AB][4][2021-10-01] storage_balance[UGS-AB][2021-10-02] 1
    storage_level[UGS-AB][5][2021-10-01] _OBJ_ -0.00030000000000000003
    storage_level[UGS-AB][5][2021-10-01] storage_balance[UGS-AB][2021-10-01] -1
    storage_level[UGS-AB][5][2021-10-01] storage_balance[UGS-AB][2021-10-02] 1
    storage_level[UGS-AB][6][2021-10-01] _OBJ_ -0.0002
    storage_level[UGS-AB][6][2021-10-01] storage_balance[UGS-AB][2021-10-01] -1
    storage_level[UGS-AB][6][2021-10-01] storage_balance[UGS-AB][2021-10-02] 1
    storage_level[UGS-AB][7][2021-10-01] _OBJ_ -0.0001
    storage_level[UGS-AB][7][2021-10-01] storage_balance[UGS-AB][2021-10-01] -1
    storage_level[UGS-AB][7][2021-10-01] storage_balance[UGS-AB][2021-10-02] 1
    storage_injection[UGS-AB][2021-10-02] _OBJ_ 0.0500002
    storage_injection[UGS-AB][2021-10-02] zone_balance[AB][2021-10-02] -1
    storage_injection[UGS-AB][2021-10-02] storage_balance[UGS-AB][2021-10-02] 1
    storage_withdrawal[UGS-AB][2021-10-02] _OBJ_ 0.050000300000000004
    storage_withdrawal[UGS-AB][2021-10-02] storage_balance[UGS-AB][2021-10-02] -1
    storage_withdrawal[UGS-AB][2021-10-02] zone_balance[AB][2021-10-02] 1
    storage_level[UGS-AB][0][2021-10-02] _OBJ_ -53.04962662009135
    storage_level[UGS-AB][0][2021-10-02] storage_balance[UGS-AB][2021-10-02] -1
    storage_level[UGS-AB][1][2021-10-02] _OBJ_ -53.049526620091356
    storage_level[UGS-AB][1][2021-10-02] storage_balance[UGS-AB][2021-10-02] -1
    storage_level[UGS-AB][2][2021-10-02] _OBJ_ -53.04942662009135
    storage_level[UGS-AB][2][2021-10-02] storage_balance[UGS-AB][2021-10-02] -1
    storage_level[UGS-AB][3][2021-10-02] _OBJ_ -53.04932662009136
    storage_level[UGS-AB][3][2021-10-02] storage_balance[UGS-AB][2021-10-02] -1
    storage_level[UGS-AB][4][2021-10-02] _OBJ_ -53.04922662009135
    storage_level[UGS-AB][4][2021-10-02] storage_balance[UGS-AB][2021-10-02] -1
    storage_level[UGS-AB][5][2021-10-02] _OBJ_ -53.04912662009136
    storage_level[UGS-AB][5][2021-10-02] storage_balance[UGS-AB][2021-10-02] -1
    storage_level[UGS-AB][6][2021-10-02] _OBJ_ -53.049026620091354
    storage_level[UGS-AB][6][2021-10-02] storage_balance[UGS-AB][2021-10-02] -1
    storage_level[UGS-AB][7][2021-10-02] _OBJ_ -53.04892662009136
    storage_level[UGS-AB][7][2021-10-02] storage_balance[UGS-AB][2021-10-02] -1
    curtailment[AA:households_services][0][2021-10-01] _OBJ_ 365.18859655837326
    curtailment[AA:households_services][0][2021-10-01] zone_balance[AA][2021-10-01] 1
    curtailment[AA:households_services][1][2021-10-01] _OBJ_ 864.251632843558
    curtailment[AA:households_services][1][2021-10-01] zone_balance[AA][2021-10-01] 1
    curtailment[AA:households_services][2][2021-10-01] _OBJ_ 1438.5138648209986
    curtailment[AA:households_services][2][2021-10-01] zone_balance[AA][2021-10-01] 1
    curtailment[AA:households_services][3][2021-10-01] _OBJ_ 3114.8552765697436
    curtailment[AA:households_services][3][2021-10-01] zone_balance[AA][2021-10-01] 1
    curtailment[AA:households_services][0][2021-10-02] _OBJ_ 365.18859655837326
    curtailment[AA:households_services][0][2021-10-02] zone_balance[AA][2021-10-02] 1
    curtailment[AA:households_services][1][2021-10-02] _OBJ_ 864.251632843558
    curtailment[AA:households_services][1][2021-10-02] zone_balance[AA][2021-10-02] 1
    curtailment[AA:households_services][2][2021-10-02] _OBJ_ 1438.5138648209986
    curtailment[AA:households_services][2][2021-10-02] zone_balance[AA][2021-10-02] 1
    curtailment[AA:households_services][3][2021-10-02] _OBJ_ 3114.8552765697436
    curtailment[AA:households_services][3][2021-10-02] zone_balance[AA][2021-10-02] 1
    curtailment[AA:power][0][2021-10-01] _OBJ_ 85.04012475078467
    curtailment[AA:power][0][2021-10-01] zone_balance[AA][2021-10-01] 1
    curtailment[AA:power][1][2021-10-01] _OBJ_ 143.23795807204348
    curtailment[AA:power][1][2021-10-01] zone_balance[AA][2021-10-01] 1
    curtailment[AA:power][2][2021-10-01] _OBJ_ 309.37705065935467
    curtailment[AA:power][2][2021-10-01] zone_balance[AA][2021-10-01] 1
    curtailment[AA:power][3][2021-10-01] _OBJ_ 644.1622452124674
    curtailment[AA:power][3][2021-10-01] zone_balance[AA][2021-10-01] 1
    curtailment[AA:power][0][2021-10-02] _OBJ_ 85.04012475078467
    curtailment[AA:power][0][2021-10-02] zone_balance[AA][2021-10-02] 1
    curtailment[AA:power][1][2021-10-02] _OBJ_ 143.23795807204348
    curtailment[AA:power][1][2021-10-02] zone_balance[AA][2021-10-02] 1
    curtailment[AA:power][2][2021-10-02] _OBJ_ 309.37705065935467
    curtailment[AA:power][2][2021-10-02] zone_balance[AA][2021-10-02] 1
    curtailment[AA:power][3][2021-10-02] _OBJ_ 644.1622452124674
    curtailment[AA:power][3][2021-10-02] zone_balance[AA][2021-10-02] 1
    curtailment[AA:industry][0][2021-10-01] _OBJ_ 130.45609222782858
    curtailment[AA:industry][0][2021-10-01] zone_balance[AA][2021-10-01] 1
    curtailment[AA:industry][1][2021-10-01] _OBJ_ 185.34595629655945
    curtailment[AA:industry][1][2021-10-01] zone_balance[AA][2021-10-01] 1
    curtailment[AA:industry][2][2021-10-01] _OBJ_ 342.86573227227035
    curtailment[AA:industry][2][2021-10-01] zone_balance[AA][2021-10-01] 1
    curtailment[AA:industry][3][2021-10-01] _OBJ_ 670.9373615730532
    curtailment[AA:industry][3][2021-10-01] zone_balance[AA][2021-10-01] 1
    curtailment[AA:industry][0][2021-10-02] _OBJ_ 130.45609222782858
    curtailment[AA:industry][0][2021-10-02] zone_balance[AA][2021-10-02] 1
    curtailment[AA:industry][1][2021-10-02] _OBJ_ 185.34595629655945
    curtailment[AA:industry][1][2021-10-02] zone_balance[AA][2021-10-02] 1
    curtailment[AA:industry][2][2021-10-02] _OBJ_ 342.86573227227035
    curtailment[AA:industry][2][2021-10-02] zone_balance[AA][2021-10-02] 1
    curtailment[AA:industry][3][2021-10-02] _OBJ_ 670.9373615730532
    curtailment[AA:industry][3][2021-10-02] zone_balance[AA][2021-10-02] 1
    curtailment[AB:households_services][0][2021-10-01] _OBJ_ 384.69715586995943
    curtailment[AB:households_services][0][2021-10-01] zone_balance[AB][2021-10-01] 1
    curtailment[AB:households_services][1][2021-10-01] _OBJ_ 862.5213173947294
    curtailment[AB:households_services][1][2021-10-01] zone_balance[AB][2021-10-01] 1
    curtailment[AB:households_services][2][2021-10-01] _OBJ_ 1353.2141621568699
    curtailment[AB:households_services][2][2021-10-01] zone_balance[AB][2021-10-01] 1
    curtailment[AB:households_services][3][2021-10-01] _OBJ_ 2809.3531447710407
    curtailment[AB:households_services][3][2021-10-01] zone_balance[AB][2021-10-01] 1
    curtailment[AB:households_services][0][2021-10-02] _OBJ_ 384.69715586995943
    curtailment[AB:households_services][0][2021-10-02] zone_balance[AB][2021-10-02] 1
    curtailment[AB:households_services][1][2021-10-02] _OBJ_ 862.5213173947294
    curtailment[AB:households_services][1][2021-10-02] zone_balance[AB][2021-10-02] 1
    curtailment[AB:households_services][2][2021-10-02] _OBJ_ 1353.2141621568699
    curtailment[AB:households_services][2][2021-10-02] zone_balance[AB][2021-10-02] 1
    curtailment[AB:households_services][3][2021-10-02] _OBJ_ 2809.3531447710407
    curtailment[AB:households_services][3][2021-10-02] zone_balance[AB][2021-10-02] 1
    curtailment[AB:power][0][2021-10-01] _OBJ_ 72.46916793082548
    curtailment[AB:power][0][2021-10-01] zone_balance[AB][2021-10-01] 1
    curtailment[AB:power][1][2021-10-01] _OBJ_ 140.02515301633068
    curtailment[AB:power][1][2021-10-01] zone_balance[AB][2021-10-01] 1
    curtailment[AB:power][2][2021-10-01] _OBJ_ 313.95549786707767
    curtailment[AB:power][2][2021-10-01] zone_balance[AB][2021-10-01] 1
    curtailment[AB:power][3][2021-10-01] _OBJ_ 562.7184461343678
    curtailment[AB:power][3][2021-10-01] zone_balance[AB][2021-10-01] 1
    curtailment[AB:power][0][2021-10-02] _OBJ_ 72.46916793082548
    curtailment[AB:power][0][2021-10-02] zone_balance[AB][2021-10-02] 1
    curtailment[AB:power][1][2021-10-02] _OBJ_ 140.02515301633068
    curtailment[AB:power][1][2021-10-02] zone_balance[AB][2021-10-02] 1
    curtailment[AB:power][2][2021-10-02] _OBJ_ 313.95549786707767
    curtailment[AB:power][2][2021-10-02] zone_balance[AB][2021-10-02] 1
    curtailment[AB:power][3][2021-10-02] _OBJ_ 562.7184461343678
    curtailment[AB:power][3][2021-10-02] zone_balance[AB][2021-10-02] 1
    curtailment[AB:industry][0][2021-10-01] _OBJ_ 115.27741363086245
    curtailment[AB:industry][0][2021-10-01] zone_balance[AB][2021-10-01] 1
    curtailment[AB:industry][1][2021-10-01] _OBJ_ 219.90944277328057
    curtailment[AB:industry][1][2021-10-01] zone_balance[AB][2021-10-01] 1
    curtailment[AB:industry][2][2021-10-01] _OBJ_ 363.7701612190076
    curtailment[AB:industry][2][2021-10-01] zone_balance[AB][2021-10-01] 1
    curtailment[AB:industry][3][2021-10-01] _OBJ_ 644.0552003044222
    curtailment[AB:industry][3][2021-10-01] zone_balance[AB][2021-10-01] 1
    curtailment[AB:industry][0][2021-10-02] _OBJ_ 115.27741363086245
    curtailment[AB:industry][0][2021-10-02] zone_balance[AB][2021-10-02] 1
    curtailment[AB:industry][1][2021-10-02] _OBJ_ 219.90944277328057
    curtailment[AB:industry][1][2021-10-02] zone_balance[AB][2021-10-02] 1
    curtailment[AB:industry][2][2021-10-02] _OBJ_ 363.7701612190076
    curtailment[AB:industry][2][2021-10-02] zone_balance[AB][2021-10-02] 1
    curtailment[AB:industry][3][2021-10-02] _OBJ_ 644.0552003044222
    curtailment[AB:industry][3][2021-10-02] zone_balance[AB][2021-10-02] 1
RHS
    RHS _OBJ_ -16.06484883160065
    RHS zone_balance[AA][2021-10-01] 195.93646980446425
    RHS zone_balance[AA][2021-10-02] 196.73218767240132
    RHS zone_balance[AB][2021-10-01] 207.29659861236883
    RHS zone_balance[AB][2021-10-02] 208.13845111508596
    RHS storage_balance[UGS-AA][2021-10-01] -4752.607528567071
    RHS storage_balance[UGS-AB][2021-10-01] -5888.16095976531
BOUNDS
 UP BND pipeline_flow[AA>AB][2021-10-01] 392.65129166188683
 UP BND pipeline_flow[AA>AB][2021-10-02] 392.65129166188683
 UP BND pipeline_flow[AB>AA][2021-10-01] 502.12198349330566
 UP BND pipeline_flow[AB>AA][2021-10-02] 502.12198349330566
 UP BND route_flow[RU-0][2021-10-01] 552.2835487146036
 UP BND route_flow[RU-0][2021-10-02] 552.2835487146036
 UP BND route_flow[NO-1][2021-10-01] 202.78576990634693
 UP BND route_flow[NO-1][2021-10-02] 202.78576990634693
 UP BND route_flow[DZ-2][2021-10-01] 857.4272167357923
 UP BND route_flow[DZ-2][2021-10-02] 857.4272167357923
 UP BND route_flow[AZ-3][2021-10-01] 464.7734614947304
 UP BND route_flow[AZ-3][2021-10-02] 464.7734614947304
 UP BND route_flow[LY-4][2021-10-01] 836.3966998516086
 UP BND route_flow[LY-4][2021-10-02] 836.3966998516086
 UP BND route_flow[RU-5][2021-10-01] 468.0156688848245
 UP BND route_flow[RU-5][2021-10-02] 468.0156688848245
 UP BND route_flow[NO-6][2021-10-01] 576.8089861555572
 UP BND route_flow[NO-6][2021-10-02] 576.8089861555572
 UP BND route_flow[DZ-7][2021-10-01] 325.74808697833504
 UP BND route_flow[DZ-7][2021-10-02] 325.74808697833504
 UP BND route_flow[AZ-8][2021-10-01] 860.3550099547157
 UP BND route_flow[AZ-8][2021-10-02] 860.3550099547157
 UP BND route_flow[LY-9][2021-10-01] 445.00679201378637
 UP BND route_flow[LY-9][2021-10-02] 445.00679201378637
 UP BND route_flow[RU-10][2021-10-01] 272.4566177067894
 UP BND route_flow[RU-10][2021-10-02] 272.4566177067894
 UP BND route_flow[NO-11][2021-10-01] 856.6214307329642
 UP BND route_flow[NO-11][2021-10-02] 856.6214307329642
 UP BND route_flow[DZ-12][2021-10-01] 486.236504189456
 UP BND route_flow[DZ-12][2021-10-02] 486.236504189456
 UP BND route_flow[AZ-13][2021-10-01] 508.01256516688943
 UP BND route_flow[AZ-13][2021-10-02] 508.01256516688943
 UP BND route_flow[LY-14][2021-10-01] 664.9933640502554
 UP BND route_flow[LY-14][2021-10-02] 664.9933640502554
 UP BND lng_tranche[US][0][2021-10-01] 159.0815578373571
 UP BND lng_tranche[US][1][2021-10-01] 95.44893470241426
 UP BND lng_tranche[US][2][2021-10-01] 63.63262313494285
 UP BND lng_tranche[QA][0][2021-10-01] 142.31348435022255
 UP BND lng_tranche[QA][1][2021-10-01] 85.38809061013353
 UP BND lng_tranche[QA][2][2021-10-01] 56.92539374008902
 UP BND lng_tranche[RU][0][2021-10-01] 127.25148269083988
 UP BND lng_tranche[RU][1][2021-10-01] 76.35088961450393
 UP BND lng_tranche[RU][2][2021-10-01] 50.90059307633595
 UP BND lng_tranche[NG][0][2021-10-01] 174.512811719449
 UP BND lng_tranche[NG][1][2021-10-01] 104.7076870316694
 UP BND lng_tranche[NG][2][2021-10-01] 69.8051246877796
 UP BND lng_tranche[DZ][0][2021-10-01] 197.20021962391837
 UP BND lng_tranche[DZ][1][2021-10-01] 118.32013177435101
 UP BND lng_tranche[DZ][2][2021-10-01] 78.88008784956736
 UP BND lng_tranche[NO][0][2021-10-01] 101.67685869271145
 UP BND lng_tranche[NO][1][2021-10-01] 61.00611521562686
 UP BND lng_tranche[NO][2][2021-10-01] 40.670743477084585
 UP BND lng_tranche[EG][0][2021-10-01] 138.59357992633215
 UP BND lng_tranche[EG][1][2021-10-01] 83.15614795579928
 UP BND lng_tranche[EG][2][2021-10-01] 55.43743197053286
 UP BND lng_tranche[TT][0][2021-10-01] 120.28933724134076
 UP BND lng_tranche[TT][1][2021-10-01] 72.17360234480445
 UP BND lng_tranche[TT][2][2021-10-01] 48.11573489653631
 UP BND lng_sendout[LNG-AA][2021-10-01] 471.07545640778665
 UP BND lng_tranche[US][0][2021-10-02] 159.0815578373571
 UP BND lng_tranche[US][1][2021-10-02] 95.44893470241426
 UP BND lng_tranche[US][2][2021-10-02] 63.63262313494285
 UP BND lng_tranche[QA][0][2021-10-02] 142.31348435022255
 UP BND lng_tranche[QA][1][2021-10-02] 85.38809061013353
 UP BND lng_tranche[QA][2][2021-10-02] 56.92539374008902
 UP BND lng_tranche[RU][0][2021-10-02] 127.25148269083988
 UP BND lng_tranche[RU][1][2021-10-02] 76.35088961450393
 UP BND lng_tranche[RU][2][2021-10-02] 50.90059307633595
 UP BND lng_tranche[NG][0][2021-10-02] 174.512811719449
 UP BND lng_tranche[NG][1][2021-10-02] 104.7076870316694
 UP BND lng_tranche[NG][2][2021-10-02] 69.8051246877796
 UP BND lng_tranche[DZ][0][2021-10-02] 197.20021962391837
 UP BND lng_tranche[DZ][1][2021-10-02] 118.32013177435101
 UP BND lng_tranche[DZ][2][2021-10-02] 78.88008784956736
 UP BND lng_tranche[NO][0][2021-10-02] 101.67685869271145
 UP BND lng_tranche[NO][1][2021-10-02] 61.00611521562686
 UP BND lng_tranche[NO][2][2021-10-02] 40.670743477084585
 UP BND lng_tranche[EG][0][2021-10-02] 138.59357992633215
 UP BND lng_tranche[EG][1][2021-10-02] 83.15614795579928
 UP BND lng_tranche[EG][2][2021-10-02] 55.43743197053286
 UP BND lng_tranche[TT][0][2021-10-02] 120.28933724134076
 UP BND lng_tranche[TT][1][2021-10-02] 72.17360234480445
 UP BND lng_tranche[TT][2][2021-10-02] 48.11573489653631
 UP BND lng_sendout[LNG-AA][2021-10-02] 471.07545640778665
 UP BND production[AA][2021-10-01] 169.79616071742802
 UP BND production[AA][2021-10-02] 169.79616071742802
 UP BND storage_injection[UGS-AA][2021-10-01] 62.51772998783803
 UP BND storage_withdrawal[UGS-AA][2021-10-01] 125.03545997567606
 UP BND storage_level[UGS-AA][0][2021-10-01] 937.7659498175705
 UP BND storage_level[UGS-AA][1][2021-10-01] 937.7659498175705
 UP BND storage_level[UGS-AA][2][2021-10-01] 937.7659498175706
 UP BND storage_level[UGS-AA][3][2021-10-01] 937.7659498175703
 UP BND storage_level[UGS-AA][4][2021-10-01] 937.7659498175703
 UP BND storage_level[UGS-AA][5][2021-10-01] 937.7659498175708
 UP BND storage_level[UGS-AA][6][2021-10-01] 937.7659498175699
 UP BND storage_level[UGS-AA][7][2021-10-01] 937.7659498175708
 UP BND storage_injection[UGS-AA][2021-10-02] 62.51772998783803
 UP BND storage_withdrawal[UGS-AA][2021-10-02] 125.03545997567606
 UP BND storage_level[UGS-AA][0][2021-10-02] 937.7659498175705
 UP BND storage_level[UGS-AA][1][2021-10-02] 937.7659498175705
 UP BND storage_level[UGS-AA][2][2021-10-02] 937.7659498175706
 UP BND storage_level[UGS-AA][3][2021-10-02] 937.7659498175703
 UP BND storage_level[UGS-AA][4][2021-10-02] 937.7659498175703
 UP BND storage_level[UGS-AA][5][2021-10-02] 937.7659498175708
 UP BND storage_level[UGS-AA][6][2021-10-02] 937.7659498175699
 UP BND storage_level[UGS-AA][7][2021-10-02] 937.7659498175708
 UP BND storage_injection[UGS-AB][2021-10-01] 86.23087030476056
 UP BND storage_withdrawal[UGS-AB][2021-10-01] 168.90105502977167
 UP BND storage_level[UGS-AB][0][2021-10-01] 1293.4630545714083
 UP BND storage_level[UGS-AB][1][2021-10-01] 1293.4630545714083
 UP BND storage_level[UGS-AB][2][2021-10-01] 1293.4630545714085
 UP BND storage_level[UGS-AB][3][2021-10-01] 1293.463054571408
 UP BND storage_level[UGS-AB][4][2021-10-01] 1293.463054571408
 UP BND storage_level[UGS-AB][5][2021-10-01] 1293.463054571409
 UP BND storage_level[UGS-AB][6][2021-10-01] 1293.463054571408
 UP BND storage_level[UGS-AB][7][2021-10-01] 1293.463054571408
 UP BND storage_injection[UGS-AB][2021-10-02] 86.23087030476056
 UP BND storage_withdrawal[UGS-AB][2021-10-02] 172.46174060952112
 UP BND storage_level[UGS-AB][0][2021-10-02] 1293.4630545714083
 UP BND storage_level[UGS-AB][1][2021-10-02] 1293.4630545714083
 UP BND storage_level[UGS-AB][2][2021-10-02] 1293.4630545714085
 UP BND storage_level[UGS-AB][3][2021-10-02] 1293.463054571408
 UP BND storage_level[UGS-AB][4][2021-10-02] 1293.463054571408
 UP BND storage_level[UGS-AB][5][2021-10-02] 1293.463054571409
 UP BND storage_level[UGS-AB][6][2021-10-02] 1293.463054571408
 UP BND storage_level[UGS-AB][7][2021-10-02] 1293.463054571408
 UP BND curtailment[AA:households_services][0][2021-10-01] 14.835913656210685
 UP BND curtailment[AA:households_services][1][2021-10-01] 24.726522760351145
 UP BND curtailment[AA:households_services][2][2021-10-01] 29.67182731242137
 UP BND curtailment[AA:households_services][3][2021-10-01] 29.67182731242137
 UP BND curtailment[AA:households_services][0][2021-10-02] 14.926184170640525
 UP BND curtailment[AA:households_services][1][2021-10-02] 24.87697361773421
 UP BND curtailment[AA:households_services][2][2021-10-02] 29.85236834128105
 UP BND curtailment[AA:households_services][3][2021-10-02] 29.85236834128105
 UP BND curtailment[AA:power][0][2021-10-01] 8.30028619608184
 UP BND curtailment[AA:power][1][2021-10-01] 13.833810326803068
 UP BND curtailment[AA:power][2][2021-10-01] 16.60057239216368
 UP BND curtailment[AA:power][3][2021-10-01] 16.60057239216368
 UP BND curtailment[AA:power][0][2021-10-02] 8.324358333263131
 UP BND curtailment[AA:power][1][2021-10-02] 13.873930555438552
 UP BND curtailment[AA:power][2][2021-10-02] 16.648716666526262
 UP BND curtailment[AA:power][3][2021-10-02] 16.648716666526262
 UP BND curtailment[AA:industry][0][2021-10-01] 6.25427061837711
 UP BND curtailment[AA:industry][1][2021-10-01] 10.42378436396185
 UP BND curtailment[AA:industry][2][2021-10-01] 12.50854123675422
 UP BND curtailment[AA:industry][3][2021-10-01] 12.50854123675422
 UP BND curtailment[AA:industry][0][2021-10-02] 6.259285646956545
 UP BND curtailment[AA:industry][1][2021-10-02] 10.432142744927576
 UP BND curtailment[AA:industry][2][2021-10-02] 12.51857129391309
 UP BND curtailment[AA:industry][3][2021-10-02] 12.51857129391309
 UP BND curtailment[AB:households_services][0][2021-10-01] 15.696079659434574
 UP BND curtailment[AB:households_services][1][2021-10-01] 26.160132765724292
 UP BND curtailment[AB:households_services][2][2021-10-01] 31.392159318869147
 UP BND curtailment[AB:households_services][3][2021-10-01] 31.392159318869147
 UP BND curtailment[AB:households_services][0][2021-10-02] 15.791583934952904
 UP BND curtailment[AB:households_services][1][2021-10-02] 26.31930655825484
 UP BND curtailment[AB:households_services][2][2021-10-02] 31.583167869905807
 UP BND curtailment[AB:households_services][3][2021-10-02] 31.583167869905807
 UP BND curtailment[AB:power][0][2021-10-01] 8.781525448907317
 UP BND curtailment[AB:power][1][2021-10-01] 14.635875748178861
 UP BND curtailment[AB:power][2][2021-10-01] 17.563050897814634
 UP BND curtailment[AB:power][3][2021-10-01] 17.563050897814634
 UP BND curtailment[AB:power][0][2021-10-02] 8.806993255712204
 UP BND curtailment[AB:power][1][2021-10-02] 14.678322092853675
 UP BND curtailment[AB:power][2][2021-10-02] 17.613986511424407
 UP BND curtailment[AB:power][3][2021-10-02] 17.613986511424407
 UP BND curtailment[AB:industry][0][2021-10-01] 6.616884683513431
 UP BND curtailment[AB:industry][1][2021-10-01] 11.028141139189053
 UP BND curtailment[AB:industry][2][2021-10-01] 13.233769367026863
 UP BND curtailment[AB:industry][3][2021-10-01] 13.233769367026863
 UP BND curtailment[AB:industry][0][2021-10-02] 6.622190476597784
 UP BND curtailment[AB:industry][1][2021-10-02] 11.036984127662974
 UP BND curtailment[AB:industry][2][2021-10-02] 13.244380953195568
 UP BND curtailment[AB:industry][3][2021-10-02] 13.244380953195568
ENDATA
