-- The sandbox now keeps its demo agencies in a schema of its own ("sandbox", created by TenFour when the
-- sandbox is on). Demo agencies an earlier version kept here, among the real ones, are removed with
-- everything of theirs: platform "web" is only ever the sandbox's made-up people.
delete from agency where platform = 'web';
