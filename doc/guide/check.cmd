# The guide's 检查一批草稿: three bodies' drafts, one complete, one with
# errors, one with a cell not filled; then the same as a table.
#+ file sample-data/jinzhai-2024.yaml 各单位/交易中心.yaml
#+ file sample-data/jinzhai-2024-errors.yaml 各单位/数据局.yaml
#+ file sample-data/jinzhai-2024.yaml 各单位/司法局.yaml
#+ run sed -i 's/^organization: .*/organization: 金寨县数据资源管理局/' 各单位/数据局.yaml
#+ run sed -i 's/^organization: .*/organization: 金寨县司法局/; s/^  licensing: 0/  licensing: ~/' 各单位/司法局.yaml
nianbao check 各单位/
nianbao check --format tsv 各单位/ > 问题.tsv
