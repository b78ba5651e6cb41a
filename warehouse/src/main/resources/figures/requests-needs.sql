SELECT la, year, request_group, need, need_order, hard_to_find_requests, naming_need, share
FROM placement_requests_needs
