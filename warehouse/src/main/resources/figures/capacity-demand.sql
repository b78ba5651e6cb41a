SELECT la, date, provision, capacity, occupied, demand FROM capacity_demand
WHERE demand IS NOT NULL
