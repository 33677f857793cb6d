-- wrk script: every request posts one assessment (the Den Helder youth worker's signals)
-- to the assessments API, and the run ends with bench/report.lua's figures line.
dofile("bench/report.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"signals": ["older-boyfriend", "expensive-gifts", "truancy-or-falling-grades",'
  .. ' "new-or-extra-phones"], "age": 16, "setting": "care"}'
