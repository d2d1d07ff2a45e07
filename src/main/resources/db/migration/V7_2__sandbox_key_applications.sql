-- The first application used to be created as live even when its configured key was an sk_test_
-- one, so its decisions said environment "live". An application whose keys are all sk_test_ is a
-- sandbox application.
update application a set environment = 'sandbox'
where a.environment = 'live'
  and exists (select 1 from api_key k where k.application_id = a.id and k.display_prefix like 'sk\_test\_%')
  and not exists (select 1 from api_key k where k.application_id = a.id and k.display_prefix like 'sk\_live\_%');
